/**
 * The rule chain that judges each message: one {@code ScreeningRule} per rule of
 * spec/submission-rules.md, each naming its reason code, producing a {@code Verdict} (ACCEPTED,
 * REJECTED, IGNORED, QUARANTINED); the subject-line grammar configured per jurisdiction profile.
 */
package org.baosong.screening;
