package org.baosong.editorial;

import java.time.Instant;
import java.util.List;

/**
 * Published inside the transaction that creates a commission (约稿); the replies module queues one
 * notice mail per recipient in that same transaction (outbox), so the commission and its notices are
 * committed together or not at all.
 *
 * @param recipients one per informant address of the target units
 */
public record CommissionIssued(long commissionId, String profileId, String code, String topic, String requirements, Instant deadline,
		String editor, List<Recipient> recipients) {

	public record Recipient(long unitId, String unitName, String informantName, String address) {
	}
}
