package org.baosong.mailbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What other modules know about received messages, shown in the inbound mail log: the submission a message
 * was filed as (editorial), the mail sent in answer and the names of the reason codes (replies). Those
 * modules build on this one, so the log cannot call them without a dependency cycle; they implement this
 * interface instead, each saying only what it knows (the defaults know nothing).
 */
public interface InboundLinks {

	/** The submissions these messages were filed as, by inbound id (messages not filed are absent). */
	default Map<Long, Filed> submissions(Collection<Long> inboundIds) {
		return Map.of();
	}

	/** The mail sent in answer to a message (receipt, rejection, alert ...), oldest first. */
	default List<Answer> answers(long inboundId) {
		return List.of();
	}

	/** The names of the reason codes (and flags) a person reads, e.g. PHONE_INVALID: 联系电话格式不对. */
	default Map<String, String> reasonNames() {
		return Map.of();
	}

	record Filed(long submissionId, String trackingNo) {
	}

	record Answer(long outboundId, String kind, String toAddr, String subject, String status, Instant createdAt, Instant sentAt) {
	}
}
