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

	/**
	 * The periods a day falls in, as ledger keys: assessment year ({@code 2026}), half ({@code 2026-H1}),
	 * quarter ({@code 2026-Q1}), month ({@code 2025-12}, the calendar month) and ISO week ({@code 2025-W49}).
	 * Halves and quarters count from the start of the assessment year: Guangzhou's Q1 is December to February.
	 */
	public PeriodKeys periods(LocalDate day) {
		int year = assessmentYear(day);
		MonthDay start = yearStartDay();
		LocalDate yearStart = LocalDate.of(start.equals(MonthDay.of(1, 1)) ? year : year - 1, start.getMonth(), start.getDayOfMonth());
		long months = java.time.temporal.ChronoUnit.MONTHS.between(yearStart.withDayOfMonth(1), day.withDayOfMonth(1));
		var week = day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		int weekYear = day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR);
		return new PeriodKeys(String.valueOf(year), year + "-H" + (months / 6 + 1), year + "-Q" + (months / 3 + 1),
				String.format("%04d-%02d", day.getYear(), day.getMonthValue()), String.format("%04d-W%02d", weekYear, week));
	}

	public record PeriodKeys(String year, String half, String quarter, String month, String week) {
	}

	/** One assessed period: its kind, its ledger key (as {@link #periods} gives it) and its first and last day. */
	public record Period(PeriodKind kind, String key, LocalDate start, LocalDate end) {
	}

	/** The first day of an assessment year (Guangzhou's 2026 starts on 2025-12-01). */
	public LocalDate startOf(int assessmentYear) {
		MonthDay start = yearStartDay();
		return LocalDate.of(start.equals(MonthDay.of(1, 1)) ? assessmentYear : assessmentYear - 1, start.getMonth(),
				start.getDayOfMonth());
	}

	/**
	 * The periods of an assessment year for each assessed kind, in the profile's order, each kind's periods in
	 * date order. Weeks are ISO weeks and are not listed one by one.
	 */
	public List<Period> periodsOf(int assessmentYear) {
		LocalDate start = startOf(assessmentYear);
		var result = new java.util.ArrayList<Period>();
		for (PeriodKind kind : periods) {
			int months = switch (kind) {
				case YEAR -> 12;
				case HALF -> 6;
				case QUARTER -> 3;
				case MONTH -> 1;
				case WEEK -> 0;
			};
			for (int offset = 0; months > 0 && offset < 12; offset += months) {
				LocalDate first = start.plusMonths(offset);
				LocalDate last = start.plusMonths(offset + months).minusDays(1);
				PeriodKeys keys = periods(first);
				String key = switch (kind) {
					case YEAR -> keys.year();
					case HALF -> keys.half();
					case QUARTER -> keys.quarter();
					default -> keys.month();
				};
				result.add(new Period(kind, key, first, last));
			}
		}
		return result;
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
