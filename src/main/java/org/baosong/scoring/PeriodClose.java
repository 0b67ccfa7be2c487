package org.baosong.scoring;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A closed assessment period: its close lines (quotas, base points, target status, normalisation) are in
 * the ledger under the event {@code PERIOD_CLOSE} with this id.
 *
 * @param closeCount 1, plus one for each explicit re-close
 */
public record PeriodClose(long id, String profileId, String periodKind, String periodKey, LocalDate periodStart, LocalDate periodEnd,
		Instant closedAt, String closedBy, int closeCount, Instant lastClosedAt) {

	public PeriodRef period() {
		return PeriodRef.of(periodKind, periodKey);
	}
}
