package org.baosong.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The periods of an assessment year, as the profile page lists them and the ledger keys them. */
class AssessmentCalendarTest {

	@Test
	void guangzhouQuartersRunFromDecemberAndTheYearIsNamedByItsEnd() {
		var calendar = new AssessmentCalendar("12-01", List.of(PeriodKind.QUARTER, PeriodKind.YEAR));
		assertThat(calendar.startOf(2026)).isEqualTo(LocalDate.of(2025, 12, 1));
		assertThat(calendar.periodsOf(2026)).extracting(AssessmentCalendar.Period::kind, AssessmentCalendar.Period::key,
				AssessmentCalendar.Period::start, AssessmentCalendar.Period::end)
			.containsExactly(
					tuple(PeriodKind.QUARTER, "2026-Q1", LocalDate.of(2025, 12, 1), LocalDate.of(2026, 2, 28)),
					tuple(PeriodKind.QUARTER, "2026-Q2", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31)),
					tuple(PeriodKind.QUARTER, "2026-Q3", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31)),
					tuple(PeriodKind.QUARTER, "2026-Q4", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 30)),
					tuple(PeriodKind.YEAR, "2026", LocalDate.of(2025, 12, 1), LocalDate.of(2026, 11, 30)));
	}

	@Test
	void everyDayOfAListedPeriodHasThatPeriodsKey() {
		var calendar = new AssessmentCalendar("12-01", List.of(PeriodKind.MONTH, PeriodKind.HALF));
		for (var period : calendar.periodsOf(2028)) {
			for (LocalDate day = period.start(); !day.isAfter(period.end()); day = day.plusDays(1)) {
				var keys = calendar.periods(day);
				assertThat(period.kind() == PeriodKind.MONTH ? keys.month() : keys.half()).as(day.toString()).isEqualTo(period.key());
			}
		}
		assertThat(calendar.periodsOf(2028)).hasSize(12 + 2);
		assertThat(calendar.periodsOf(2028).get(2).key()).isEqualTo("2028-02"); // 2028 is a leap year: February ends on the 29th
		assertThat(calendar.periodsOf(2028).get(2).end()).isEqualTo(LocalDate.of(2028, 2, 29));
	}

	@Test
	void aCalendarYearHasNoOffsetAndWeeksAreNotListed() {
		var calendar = new AssessmentCalendar("01-01", List.of(PeriodKind.WEEK, PeriodKind.YEAR));
		assertThat(calendar.periodsOf(2026)).extracting(AssessmentCalendar.Period::key, AssessmentCalendar.Period::start,
				AssessmentCalendar.Period::end)
			.containsExactly(tuple("2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
	}
}
