package org.baosong.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.baosong.profile.JurisdictionProfile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The score ledger ({@code score_entry}): every row names its rule and the event that earned it. For now
 * it records accepted submissions as quantity rows (0 points), which the quota rules of the profiles
 * count; the point rules come with the scoring engine.
 */
@Service
public class Ledger {

	static final String SUBMISSION_ACCEPTED = "SUBMISSION_ACCEPTED";

	private final LedgerMapper mapper;

	private final Clock clock;

	Ledger(LedgerMapper mapper, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void recordSubmission(JurisdictionProfile profile, long unitId, long submissionId, String trackingNo, LocalDate receivedOn,
			Instant receivedAt) {
		var periods = profile.calendar().periods(receivedOn);
		mapper.insert(new LedgerMapper.Entry(profile.id(), unitId, periods.year(), periods.half(), periods.quarter(), periods.month(),
				periods.week(), java.math.BigDecimal.ZERO, "submission.accepted", SUBMISSION_ACCEPTED, submissionId, submissionId,
				"报送信息 1 条（" + trackingNo + "）", receivedAt, clock.instant()));
	}
}
