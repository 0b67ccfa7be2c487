/**
 * The scoring engine: jurisdiction scoring rules from the profiles, the explainable ledger
 * ({@code score_entry}: every point names its rule and event), periods, quotas and rankings.
 */
package org.baosong.scoring;
