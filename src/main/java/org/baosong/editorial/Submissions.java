package org.baosong.editorial;

import java.time.Instant;
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

	/** The tracking number of an earlier submission of the unit with the same text (see {@link Filing#textHash}) since the given time. */
	public Optional<String> duplicateOf(long unitId, String textHash, Instant since) {
		return textHash == null ? Optional.empty() : mapper.duplicateOf(unitId, textHash, since);
	}
}
