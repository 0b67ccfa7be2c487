package org.baosong.search;

import java.time.Instant;
import java.util.List;

/**
 * What the index holds of one submission: its current title and text, the text extracted from its
 * attachments (with their file names), and the fields the filters and the result list need.
 */
record IndexedSubmission(long id, String trackingNo, String title, String text, String attachmentText, long unitId,
		String unitName, String sequenceCode, String reportType, String state, List<String> flags, Instant receivedAt) {

	IndexedSubmission {
		flags = flags == null ? List.of() : List.copyOf(flags);
	}
}
