package org.baosong.profile;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * When the assessment year starts and which periods are assessed. Guangzhou's year runs from
 * 1 December to 30 November, so {@code year-start: 12-01}; an assessment year is named by the
 * calendar year it ends in (1 Dec 2025 - 30 Nov 2026 is assessment year 2026).
 *
 * @param yearStart first day of the assessment year, {@code MM-dd}
 * @param yearEnd   last assessed day of the year, {@code MM-dd}, when the year stops before the next one starts
 *                  (Changchun: 1 January to 30 November); the days in between count for no period. Absent: the
 *                  day before the next year starts
 * @param periods   the periods that are assessed and bulletined
 */
public record AssessmentCalendar(
		@NotNull @Pattern(regexp = MM_DD, message = "must be MM-dd, e.g. 12-01") String yearStart,
		@Pattern(regexp = MM_DD, message = "must be MM-dd, e.g. 11-30") String yearEnd,
		@NotEmpty List<@NotNull PeriodKind> periods) {

	static final String MM_DD = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";

	@ConstructorBinding
	public AssessmentCalendar {
	}

	/** A calendar whose year runs until the next one starts. */
	public AssessmentCalendar(String yearStart, List<PeriodKind> periods) {
		this(yearStart, null, periods);
	}

	@AssertTrue(message = "year-start and year-end must be days of the year, e.g. 01-01 and 11-30")
	public boolean isADayOfTheYear() {
		return parses(yearStart) && (yearEnd == null || parses(yearEnd));
	}

	@AssertTrue(message = "year-end must fall before the next year-start and not on the year-start itself")
	public boolean isYearEndInsideTheYear() {
		if (yearEnd == null || !parses(yearStart) || !parses(yearEnd)) {
			return true;
		}
		return !yearEnd.equals(yearStart) && !endOf(2001).isBefore(startOf(2001));
	}

	private static boolean parses(String monthDay) {
		if (monthDay == null || !monthDay.matches(MM_DD)) {
			return true; // @Pattern says what is wrong
		}
		try {
			MonthDay.parse("--" + monthDay);
			return !monthDay.equals("02-29");
		}
		catch (java.time.DateTimeException ex) {
			return false;
		}
	}

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
		LocalDate yearStart = startOf(year);
		long months = ChronoUnit.MONTHS.between(yearStart.withDayOfMonth(1), day.withDayOfMonth(1));
		var week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		int weekYear = day.get(IsoFields.WEEK_BASED_YEAR);
		return new PeriodKeys(String.valueOf(year), year + "-H" + (months / 6 + 1), year + "-Q" + (months / 3 + 1),
				String.format("%04d-%02d", day.getYear(), day.getMonthValue()), String.format("%04d-W%02d", weekYear, week));
	}

	public record PeriodKeys(String year, String half, String quarter, String month, String week) {

		/** The key of one kind of period. */
		public String of(PeriodKind kind) {
			return switch (kind) {
				case YEAR -> year;
				case HALF -> half;
				case QUARTER -> quarter;
				case MONTH -> month;
				case WEEK -> week;
			};
		}
	}

	/** One assessed period: its kind, its ledger key (as {@link #periods} gives it) and its first and last day. */
	public record Period(PeriodKind kind, String key, LocalDate start, LocalDate end) {

		public boolean contains(LocalDate day) {
			return !day.isBefore(start) && !day.isAfter(end);
		}
	}

	/** The first day of an assessment year (Guangzhou's 2026 starts on 2025-12-01). */
	public LocalDate startOf(int assessmentYear) {
		MonthDay start = yearStartDay();
		return LocalDate.of(start.equals(MonthDay.of(1, 1)) ? assessmentYear : assessmentYear - 1, start.getMonth(),
				start.getDayOfMonth());
	}

	/** The last assessed day of an assessment year: the year-end, or the day before the next year starts. */
	public LocalDate endOf(int assessmentYear) {
		LocalDate nextStart = startOf(assessmentYear + 1);
		if (yearEnd == null) {
			return nextStart.minusDays(1);
		}
		MonthDay end = MonthDay.parse("--" + yearEnd);
		LocalDate start = startOf(assessmentYear);
		LocalDate candidate = end.atYear(start.getYear());
		return candidate.isBefore(start) ? end.atYear(start.getYear() + 1) : candidate;
	}

	/** False for the days after the year-end and before the next year starts: they count for no period. */
	public boolean assessed(LocalDate day) {
		return !day.isAfter(endOf(assessmentYear(day)));
	}

	/**
	 * The periods of an assessment year for each assessed kind, in the profile's order, each kind's periods in
	 * date order, cut at the year-end. Weeks are ISO weeks and are not listed one by one.
	 */
	public List<Period> periodsOf(int assessmentYear) {
		var result = new ArrayList<Period>();
		for (PeriodKind kind : periods) {
			result.addAll(periodsOf(assessmentYear, kind));
		}
		return result;
	}

	/** The periods of one kind in an assessment year (none for weeks), cut at the year-end. */
	public List<Period> periodsOf(int assessmentYear, PeriodKind kind) {
		LocalDate start = startOf(assessmentYear);
		LocalDate yearLast = endOf(assessmentYear);
		int months = switch (kind) {
			case YEAR -> 12;
			case HALF -> 6;
			case QUARTER -> 3;
			case MONTH -> 1;
			case WEEK -> 0;
		};
		var result = new ArrayList<Period>();
		for (int offset = 0; months > 0 && offset < 12; offset += months) {
			LocalDate first = start.plusMonths(offset);
			if (first.isAfter(yearLast)) {
				break;
			}
			LocalDate last = start.plusMonths(offset + months).minusDays(1);
			result.add(new Period(kind, periods(first).of(kind), first, last.isAfter(yearLast) ? yearLast : last));
		}
		return result;
	}

	/** The period of a kind with the given key, if it is one of the calendar's (weeks are not). */
	public java.util.Optional<Period> period(PeriodKind kind, String key) {
		int year;
		try {
			year = Integer.parseInt(key.substring(0, 4));
		}
		catch (RuntimeException ex) {
			return java.util.Optional.empty();
		}
		for (int y = year; y <= year + 1; y++) {
			for (Period p : periodsOf(y, kind)) {
				if (p.key().equals(key)) {
					return java.util.Optional.of(p);
				}
			}
		}
		return java.util.Optional.empty();
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
