package org.baosong.editorial;

import java.time.LocalDate;
import java.util.List;

/**
 * Published inside the transaction that publishes a journal issue; the replies module queues one
 * 采用反馈 mail per item to the unit's original sender (or the unit's informants, when that address no
 * longer informs for the unit) in that same transaction (outbox), so the
 * adoption and its mails are committed together or not at all.
 *
 * @param issueLabel e.g. "穗府信息 2026年第3期"
 */
public record AdoptionPublished(long issueId, String profileId, String issueLabel, LocalDate issueDate, List<Item> items) {

	public AdoptionPublished {
		items = List.copyOf(items);
	}

	/** One adopted submission, as the unit is told. */
	public record Item(long adoptionId, long submissionId, long inboundId, String trackingNo, String title, long unitId, String unitName,
			String placementKind, String role) {
	}
}
