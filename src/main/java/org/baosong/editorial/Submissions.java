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

	/** The tracking number of an earlier submission of the unit with the same text (see {@link Filing#textHash}) since the given time. */
	public Optional<String> duplicateOf(long unitId, String textHash, Instant since) {
		return textHash == null ? Optional.empty() : mapper.duplicateOf(unitId, textHash, since);
	}
}
