package org.baosong.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * What the index is built from, read-only: submissions with their unit's name, and the text extracted
 * from their attachments. The search module reads these tables directly (and never writes them) so
 * that re-indexing needs nothing from the editorial module but the {@code SubmissionChanged} event.
 */
@Mapper
interface SearchMapper {

	long countSubmissions();

	List<Long> idsAfter(@Param("afterId") long afterId, @Param("limit") int limit);

	List<Long> idsChangedSince(@Param("since") Instant since);

	List<SubmissionRow> submissions(@Param("ids") Collection<Long> ids);

	List<AttachmentRow> attachments(@Param("ids") Collection<Long> ids);

	record SubmissionRow(long id, String trackingNo, String title, String bodyText, long unitId, String unitName, String sequenceCode,
			String reportType, String state, String flags, Instant receivedAt) {
	}

	record AttachmentRow(long submissionId, String filename, String text) {
	}
}
