package org.baosong.profile;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * When the assessment year starts and which periods are assessed. Guangzhou's year runs from
 * 1 December to 30 November, so {@code year-start: 12-01}; an assessment year is named by the
 * calendar year it ends in (1 Dec 2025 - 30 Nov 2026 is assessment year 2026).
 *
 * @param yearStart first day of the assessment year, {@code MM-dd}
 * @param periods   the periods that are assessed and bulletined
 */
public record AssessmentCalendar(
		@NotNull @Pattern(regexp = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", message = "must be MM-dd, e.g. 12-01") String yearStart,
		@NotEmpty List<@NotNull PeriodKind> periods) {

	public MonthDay yearStartDay() {
		return MonthDay.parse("--" + yearStart);
	}

	/** The assessment year a day belongs to: the calendar year in which that assessment year ends. */
	public int assessmentYear(LocalDate day) {
		MonthDay start = yearStartDay();
		if (start.equals(MonthDay.of(1, 1))) {
			return day.getYear();
		}
		return start.isAfter(MonthDay.from(day)) ? day.getYear() : day.getYear() + 1;
	}
}
