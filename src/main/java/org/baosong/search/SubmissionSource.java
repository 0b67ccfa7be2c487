package org.baosong.search;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads submissions from the database in the shape the index wants. */
@Component
@Transactional(readOnly = true)
class SubmissionSource {

	private final SearchMapper mapper;

	SubmissionSource(SearchMapper mapper) {
		this.mapper = mapper;
	}

	long count() {
		return mapper.countSubmissions();
	}

	/** Ids in ascending order after the given one (keyset paging, stable while rows are added). */
	List<Long> idsAfter(long afterId, int limit) {
		return mapper.idsAfter(afterId, limit);
	}

	List<Long> idsChangedSince(Instant since) {
		return mapper.idsChangedSince(since);
	}

	/** The submissions that exist among the ids (a missing id was deleted), with their attachments' text. */
	List<IndexedSubmission> load(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, List<SearchMapper.AttachmentRow>> attachments = mapper.attachments(ids).stream()
			.collect(Collectors.groupingBy(SearchMapper.AttachmentRow::submissionId));
		return mapper.submissions(ids).stream()
			.map(row -> new IndexedSubmission(row.id(), row.trackingNo(), row.title(), row.bodyText(),
					attachmentText(attachments.getOrDefault(row.id(), List.of())), row.unitId(), row.unitName(), row.sequenceCode(),
					row.reportType(), row.state(), flags(row.flags()), row.receivedAt()))
			.toList();
	}

	/** File names are searchable too: offices name the file after the report (越秀区老旧小区改造.docx). */
	private static String attachmentText(List<SearchMapper.AttachmentRow> attachments) {
		return attachments.stream()
			.map(a -> (a.filename() == null ? "" : a.filename() + "\n") + (a.text() == null ? "" : a.text()))
			.filter(s -> !s.isBlank())
			.collect(Collectors.joining("\n\n"));
	}

	private static List<String> flags(String flags) {
		return flags == null || flags.isBlank() ? List.of()
				: Arrays.stream(flags.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
	}
}
