package org.baosong.scoring;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baosong.profile.AssessmentCalendar;
import org.baosong.profile.AssessmentCalendar.Period;
import org.baosong.profile.PeriodKind;
import org.baosong.profile.Target;

/**
 * Whether a unit reached a target in a period: a score, a quantity of accepted submissions (of one type,
 * or of all), or a quantity each week. One evaluation serves the period close (which writes its
 * consequences) and the standings (which show it), so both always agree.
 */
final class Targets {

	private Targets() {
	}

	/** Accepted submissions of one unit in a period: per week key and type. */
	record Counts(Map<String, Map<String, Long>> byWeekAndType) {

		static final Counts NONE = new Counts(Map.of());

		long total(String reportType) {
			return byWeekAndType.values().stream().mapToLong(byType -> count(byType, reportType)).sum();
		}

		long inWeek(String week, String reportType) {
			return count(byWeekAndType.getOrDefault(week, Map.of()), reportType);
		}

		private static long count(Map<String, Long> byType, String reportType) {
			if (reportType == null) {
				return byType.values().stream().mapToLong(Long::longValue).sum();
			}
			return byType.getOrDefault(reportType, 0L);
		}
	}

	/** Builds per-unit counts from grouped rows. */
	static Map<Long, Counts> counts(List<LedgerMapper.Accepted> rows) {
		Map<Long, Map<String, Map<String, Long>>> result = new LinkedHashMap<>();
		for (var row : rows) {
			result.computeIfAbsent(row.unitId(), u -> new LinkedHashMap<>())
				.computeIfAbsent(row.periodWeek(), w -> new LinkedHashMap<>())
				.merge(row.reportType() == null ? "" : row.reportType(), row.submissions(), Long::sum);
		}
		Map<Long, Counts> counts = new LinkedHashMap<>();
		result.forEach((unit, weeks) -> counts.put(unit, new Counts(weeks)));
		return counts;
	}

	/**
	 * @param actual   the score, the submissions, or for weekly targets the weeks that reached the quantity
	 * @param required the score or quantity to reach, or for weekly targets the weeks checked
	 * @param missing  submissions short (for weekly targets: summed over the weeks)
	 * @param extra    submissions beyond the quantity
	 * @param detail   for weekly targets, the weeks short and their counts
	 */
	record Result(Target target, BigDecimal actual, BigDecimal required, boolean met, long missing, long extra, String detail) {

		/** Completion in percent (actual ÷ required), 100 when nothing is required. */
		BigDecimal completion() {
			if (required.signum() == 0) {
				return new BigDecimal("100.0");
			}
			return actual.multiply(BigDecimal.valueOf(100)).divide(required, 1, java.math.RoundingMode.HALF_UP);
		}
	}

	/**
	 * @param counts accepted submissions in the period (quotas of the period)
	 * @param weekly accepted submissions in the weeks the period checks (weekly quotas), keyed by week
	 */
	static Result evaluate(Target target, BigDecimal points, Counts counts, Counts weekly, List<String> weeks) {
		if (target.period() == PeriodKind.WEEK) {
			counts = weekly;
			int quantity = target.quantity();
			long missing = 0;
			int met = 0;
			var short_ = new ArrayList<String>();
			for (String week : weeks) {
				long n = counts.inWeek(week, target.reportType());
				if (n >= quantity) {
					met++;
				}
				else {
					missing += quantity - n;
					short_.add(week + " " + n + " 条");
				}
			}
			return new Result(target, BigDecimal.valueOf(met), BigDecimal.valueOf(weeks.size()), met == weeks.size(), missing, 0,
					String.join("、", short_));
		}
		if (target.score() != null) {
			return new Result(target, points, target.score(), points.compareTo(target.score()) >= 0, 0, 0, "");
		}
		long n = counts.total(target.reportType());
		long quantity = target.quantity();
		return new Result(target, BigDecimal.valueOf(n), BigDecimal.valueOf(quantity), n >= quantity, Math.max(0, quantity - n),
				Math.max(0, n - quantity), "");
	}

	/**
	 * The ISO weeks a period checks: those whose Thursday (the day that names an ISO week's year) falls in the
	 * period on an assessed day, as ledger week keys.
	 */
	static List<String> weeksOf(AssessmentCalendar calendar, Period period) {
		var weeks = new ArrayList<String>();
		LocalDate thursday = period.start().with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
		for (; !thursday.isAfter(period.end()); thursday = thursday.plusWeeks(1)) {
			if (calendar.assessed(thursday)) {
				weeks.add(calendar.periods(thursday).week());
			}
		}
		return weeks;
	}

	/** The kind weekly targets are checked at the close of: the shortest assessed kind of the calendar. */
	static PeriodKind weeklyCheckKind(AssessmentCalendar calendar) {
		return calendar.periods().stream().filter(k -> k != PeriodKind.WEEK).min(Enum::compareTo).orElse(PeriodKind.YEAR);
	}

	/** The targets of a sequence checked at the close of a period of this kind. */
	static List<Target> checkedAt(List<Target> targets, AssessmentCalendar calendar, PeriodKind kind) {
		return targets.stream()
			.filter(t -> t.period() == kind || (t.period() == PeriodKind.WEEK && weeklyCheckKind(calendar) == kind))
			.toList();
	}
}
