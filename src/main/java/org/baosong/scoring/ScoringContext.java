package org.baosong.scoring;

import java.util.Optional;

/** What the rules need to know beyond the acts: the units (sequence, supervising unit) and tracking numbers. */
interface ScoringContext {

	Optional<UnitFacts> unit(long unitId);

	/** The tracking number of a submission, or null when unknown. */
	String trackingNo(long submissionId);

	/** @param parentUnitId the supervising unit (双轨制), or null */
	record UnitFacts(long id, String name, String sequenceCode, Long parentUnitId, boolean active) {
	}
}
