package org.baosong.search;

import java.time.Instant;
import java.util.List;

/**
 * One submission found: its fields, its title with the matches marked and up to two fragments of its
 * text (or, when only an attachment matched, of the attachments' text) around the matches.
 */
public record SearchHit(long id, String trackingNo, Highlight title, List<Highlight> fragments, long unitId, String unitName,
		String sequenceCode, String type, String state, List<String> flags, Instant receivedAt) {

	public SearchHit {
		fragments = List.copyOf(fragments);
		flags = List.copyOf(flags);
	}
}
