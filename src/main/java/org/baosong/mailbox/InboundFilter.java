package org.baosong.mailbox;

import java.time.Instant;

/**
 * Filters of the inbound mail log; null means "any". {@code sender} matches part of the From address;
 * {@code reasonCode} one of the message's reason codes (or flags); {@code discarded} true for discarded
 * messages only, false for the others.
 */
public record InboundFilter(InboundStatus status, String reasonCode, String mailboxId, Instant from, Instant to, String sender,
		Boolean discarded, int offset, int limit) {

	/** The filter of the quarantine: quarantined and not discarded, newest first. */
	public static InboundFilter quarantine(int offset, int limit) {
		return new InboundFilter(InboundStatus.QUARANTINED, null, null, null, null, null, false, offset, limit);
	}
}
