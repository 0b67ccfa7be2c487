package org.baosong.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.baosong.profile.AssessmentCalendar.PeriodKeys;

/**
 * One ledger line as the rules derive it, before it is written: the unit, the day it counts for (its
 * periods), the points, the rule, the event (an act, a submission, a period close) and the explanation.
 * Two lines with the same {@link #key} are the same line: that is how a re-derivation is compared with
 * what the ledger holds.
 */
record Line(String scopeKey, long unitId, LocalDate day, PeriodKeys periods, BigDecimal points, String ruleId, String eventKind,
		Long eventId, Long submissionId, String reportType, String explanation, java.time.Instant occurredAt) {

	Line {
		points = scale(points);
	}

	static BigDecimal scale(BigDecimal points) {
		return points.setScale(2, RoundingMode.HALF_UP);
	}

	Key key() {
		return new Key(scopeKey, unitId, periods, points, ruleId, eventKind, eventId, submissionId, reportType, explanation);
	}

	/** What makes a line the same line (not when it was written). */
	record Key(String scopeKey, long unitId, PeriodKeys periods, BigDecimal points, String ruleId, String eventKind, Long eventId,
			Long submissionId, String reportType, String explanation) {
	}
}
