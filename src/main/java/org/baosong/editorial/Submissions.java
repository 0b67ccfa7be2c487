package org.baosong.editorial;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of submissions, for the rules: duplicates, corrections, commissions. */
@Service
@Transactional(readOnly = true)
public class Submissions {

	private final EditorialMapper mapper;

	Submissions(EditorialMapper mapper) {
		this.mapper = mapper;
	}

	/** A submission with its attachments (and what extraction found in each) and its audit trail. */
	public Optional<Map<String, Object>> detail(long id) {
		return mapper.submission(id).map(submission -> {
			var detail = new java.util.LinkedHashMap<String, Object>();
			detail.put("submission", utcInstants(submission));
			detail.put("attachments", mapper.attachments(id));
			detail.put("events", mapper.events(id).stream().map(Submissions::utcInstants).toList());
			return detail;
		});
	}

	/**
	 * Map rows carry DATETIME columns as the driver's local date-times; the columns hold UTC (see
	 * {@link org.baosong.common.UtcInstantTypeHandler}), so they become instants here.
	 */
	private static Map<String, Object> utcInstants(Map<String, Object> row) {
		var result = new java.util.LinkedHashMap<String, Object>(row);
		result.replaceAll((key, value) -> value instanceof java.sql.Timestamp t ? t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC)
				: value instanceof java.time.LocalDateTime t ? t.toInstant(java.time.ZoneOffset.UTC) : value);
		return result;
	}

	/** The inbound message a submission was filed from. */
	public Optional<Long> inboundIdOf(long submissionId) {
		return mapper.inboundIdOf(submissionId);
	}

	/** The id of the submission with this tracking number (any unit), ignoring case. */
	public Optional<Long> idOf(String trackingNo) {
		return trackingNo == null ? Optional.empty() : mapper.idOfTrackingNo(trackingNo.strip());
	}

	/** The submissions that replace this one (更正 mails naming its tracking number). */
	public java.util.List<Filing.Filed> supersededBy(long id) {
		return mapper.supersededBy(id);
	}

	/** An attachment of a submission as stored in the archive. */
	public record AttachmentFile(long id, String filename, String contentType, long size, String sha256) {
	}

	public Optional<AttachmentFile> attachment(long submissionId, long attachmentId) {
		return mapper.attachment(submissionId, attachmentId);
	}

	/** A commission (约稿) of the profile by its code, ignoring case. */
	public Optional<Commission> commission(String profileId, String code) {
		return mapper.commission(profileId, code);
	}

	/** The id of the unit's submission with this tracking number (for 更正), ignoring case. */
	public Optional<Long> ofUnit(long unitId, String trackingNo) {
		return mapper.submissionOfUnit(unitId, trackingNo);
	}

	public record Commission(long id, String code, String topic, Instant deadline, String state, Instant closedAt) {

		/**
		 * Whether the commission had been closed when a message was received: a message that waited in
		 * the backlog or the quarantine while the commission closed still answers it.
		 */
		public boolean closedBefore(Instant receivedAt) {
			return "CLOSED".equals(state) && (closedAt == null || !closedAt.isAfter(receivedAt));
		}

		/** Whether a message received then came after the deadline. */
		public boolean lateAt(Instant receivedAt) {
			return deadline.isBefore(receivedAt);
		}
	}

	/**
	 * The tracking number of a recent submission (any unit) whose text is nearly the same (SimHash within
	 * {@link SimHash#NEAR} bits), the closest one, of equally close ones the earliest received (then filed);
	 * the same unit's identical text is DUPLICATE, not this.
	 */
	public Optional<String> nearDuplicateOf(String text, Instant since) {
		Long hash = SimHash.of(text);
		return hash == null ? Optional.empty() : nearDuplicateOf(hash.longValue(), since);
	}

	/** As above for a hash: candidates by band index (see {@link SimHashBands}), each checked on the whole hash. */
	Optional<String> nearDuplicateOf(long hash, Instant since) {
		return mapper.simhashCandidates(SimHashBands.probes(hash, 0), SimHashBands.probes(hash, 1), SimHashBands.probes(hash, 2),
				SimHashBands.probes(hash, 3), since).stream()
			.filter(s -> SimHash.distance(s.simhash(), hash) <= SimHash.NEAR)
			.min(NEAREST.apply(hash))
			.map(EditorialMapper.Similar::trackingNo);
	}

	/** Closest first; of equally close ones the earliest received, then the first filed. */
	static final java.util.function.LongFunction<java.util.Comparator<EditorialMapper.Similar>> NEAREST = hash -> java.util.Comparator
		.comparingInt((EditorialMapper.Similar s) -> SimHash.distance(s.simhash(), hash))
		.thenComparing(EditorialMapper.Similar::receivedAt)
		.thenComparingLong(EditorialMapper.Similar::id);

	/** The tracking number of an earlier submission of the unit with the same text (see {@link Filing#textHash}) since the given time. */
	public Optional<String> duplicateOf(long unitId, String textHash, Instant since) {
		return textHash == null ? Optional.empty() : mapper.duplicateOf(unitId, textHash, since);
	}
}
