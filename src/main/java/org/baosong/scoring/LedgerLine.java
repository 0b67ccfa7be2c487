package org.baosong.scoring;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the ledger as bulletins and pages show it.
 *
 * @param eventKind    SUBMISSION_ACCEPTED, an act kind (ADOPTED, INSTRUCTION ...) or PERIOD_CLOSE
 * @param eventId      the submission, the act or the period close
 * @param reversesId   the row this one reverses (an undo, a bonus bettered, a re-derivation), or null
 * @param quantity     true for the 0-point row of an accepted submission (what quotas count)
 */
public record LedgerLine(long id, long unitId, String year, String half, String quarter, String month, String week, BigDecimal points,
		String ruleId, String eventKind, Long eventId, Long submissionId, String reportType, String explanation, Long reversesId,
		Instant createdAt, boolean quantity) {

	static LedgerLine of(LedgerMapper.Stored s) {
		return new LedgerLine(s.id(), s.unitId(), s.periodYear(), s.periodHalf(), s.periodQuarter(), s.periodMonth(), s.periodWeek(),
				s.points(), s.ruleId(), s.eventKind(), s.eventId(), s.submissionId(), s.reportType(), s.explanation(), s.reversesId(),
				s.createdAt(), Ledger.SUBMISSION_ACCEPTED.equals(s.eventKind()));
	}

	public boolean reversal() {
		return reversesId != null;
	}
}
