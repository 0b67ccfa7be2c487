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
			detail.put("submission", submission);
			detail.put("attachments", mapper.attachments(id));
			detail.put("events", mapper.events(id));
			return detail;
		});
	}

	/** A commission (约稿) of the profile by its code, ignoring case. */
	public Optional<Commission> commission(String profileId, String code) {
		return mapper.commission(profileId, code);
	}

	/** The id of the unit's submission with this tracking number (for 更正), ignoring case. */
	public Optional<Long> ofUnit(long unitId, String trackingNo) {
		return mapper.submissionOfUnit(unitId, trackingNo);
	}

	public record Commission(long id, String code, String topic, Instant deadline, String state) {

		public boolean closed() {
			return "CLOSED".equals(state);
		}
	}

	/**
	 * The tracking number of a recent submission (any unit) whose text is nearly the same (SimHash within
	 * {@link SimHash#NEAR} bits), the closest one; the same unit's identical text is DUPLICATE, not this.
	 */
	public Optional<String> nearDuplicateOf(String text, Instant since) {
		Long hash = SimHash.of(text);
		if (hash == null) {
			return Optional.empty();
		}
		return mapper.simhashesSince(since).stream()
			.filter(s -> SimHash.distance(s.simhash(), hash) <= SimHash.NEAR)
			.min(java.util.Comparator.comparingInt(s -> SimHash.distance(s.simhash(), hash)))
			.map(EditorialMapper.Similar::trackingNo);
	}

	/** The tracking number of an earlier submission of the unit with the same text (see {@link Filing#textHash}) since the given time. */
	public Optional<String> duplicateOf(long unitId, String textHash, Instant since) {
		return textHash == null ? Optional.empty() : mapper.duplicateOf(unitId, textHash, since);
	}
}
