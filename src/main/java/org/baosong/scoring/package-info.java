/**
 * The scoring engine: the profiles' scoring rules applied to the editorial act stream and the accepted
 * submissions, the explainable ledger ({@code score_entry}: every line names its rule, its event and why, an
 * undo is a reversing line), period closes (quotas, base points, normalisation), the recompute that must
 * reproduce the ledger, and the read side bulletins are built on ({@link org.baosong.scoring.Scores}).
 */
package org.baosong.scoring;
