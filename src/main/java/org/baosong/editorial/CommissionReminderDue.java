package org.baosong.editorial;

import java.time.Instant;
import java.util.List;

/**
 * Published inside the transaction that marks a commission's pending targets reminded; the replies
 * module queues one reminder mail (催报) per recipient in that same transaction, so a target is marked
 * reminded exactly when its reminders are queued.
 *
 * @param issuedAt   when the commission was created (the notice's day)
 * @param recipients one per informant address of the targets still pending
 */
public record CommissionReminderDue(long commissionId, String profileId, String code, String topic, String requirements, Instant deadline,
		Instant issuedAt, List<CommissionIssued.Recipient> recipients) {
}
