package org.baosong.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.apache.ibatis.session.ResultContext;
import org.apache.ibatis.session.ResultHandler;

/** The ledger's table in memory, answering the mapper's queries as the SQL does: for fast tests of the rules and the ledger logic. */
final class InMemoryLedgerMapper implements LedgerMapper {

	final List<Stored> rows = new ArrayList<>();

	private final Set<Long> reversed = new HashSet<>();

	@Override
	public void insert(Entry e) {
		long id = rows.size() + 1;
		rows.add(new Stored(id, e.scopeKey(), e.unitId(), e.year(), e.half(), e.quarter(), e.month(), e.week(), Line.scale(e.points()),
				e.ruleId(), e.eventKind(), e.eventId(), e.submissionId(), e.reportType(), e.explanation(), e.reversesId(), e.occurredAt(),
				e.createdAt()));
		if (e.reversesId() != null) {
			reversed.add(e.reversesId());
		}
	}

	@Override
	public void lockScope(String profileId, String scopeKey, Instant now) {
	}

	private boolean standing(Stored s) {
		return s.reversesId() == null && !reversed.contains(s.id());
	}

	@Override
	public List<Stored> scopeRows(String profileId, String scopeKey) {
		return rows.stream().filter(s -> Objects.equals(s.scopeKey(), scopeKey)).toList();
	}

	static String key(Stored s, PeriodColumn column) {
		return switch (column) {
			case YEAR -> s.periodYear();
			case HALF -> s.periodHalf();
			case QUARTER -> s.periodQuarter();
			case MONTH -> s.periodMonth();
			case WEEK -> s.periodWeek();
		};
	}

	@Override
	public List<Stored> standingInPeriod(String profileId, PeriodColumn column, String key) {
		return rows.stream().filter(s -> key.equals(key(s, column)) && standing(s)).toList();
	}

	@Override
	public List<Stored> standingInYear(String profileId, String year) {
		return standingInPeriod(profileId, PeriodColumn.YEAR, year);
	}

	@Override
	public List<String> years(String profileId) {
		return new ArrayList<>(new TreeSet<>(rows.stream().map(Stored::periodYear).toList()));
	}

	@Override
	public List<UnitPoints> pointsPerUnit(String profileId, PeriodColumn column, String key, String exceptScope) {
		Map<Long, BigDecimal> points = new LinkedHashMap<>();
		Map<Long, Long> count = new LinkedHashMap<>();
		rows.stream().filter(s -> key.equals(key(s, column)) && (exceptScope == null || !exceptScope.equals(s.scopeKey()))).forEach(s -> {
			points.merge(s.unitId(), s.points(), BigDecimal::add);
			count.merge(s.unitId(), 1L, Long::sum);
		});
		return points.entrySet().stream().map(e -> new UnitPoints(e.getKey(), e.getValue(), count.get(e.getKey()))).toList();
	}

	@Override
	public List<Accepted> acceptedPerWeek(String profileId, PeriodColumn column, String key) {
		return accepted(rows.stream().filter(s -> key.equals(key(s, column))).toList());
	}

	@Override
	public List<Accepted> acceptedInWeeks(String profileId, List<String> weeks) {
		return accepted(rows.stream().filter(s -> weeks.contains(s.periodWeek())).toList());
	}

	private static List<Accepted> accepted(List<Stored> rows) {
		Map<String, Accepted> grouped = new LinkedHashMap<>();
		rows.stream().filter(s -> Ledger.SUBMISSION_ACCEPTED.equals(s.eventKind())).forEach(s -> grouped.merge(
				s.unitId() + "|" + s.periodWeek() + "|" + s.reportType(), new Accepted(s.unitId(), s.periodWeek(), s.reportType(), 1),
				(a, b) -> new Accepted(a.unitId(), a.periodWeek(), a.reportType(), a.submissions() + 1)));
		return new ArrayList<>(grouped.values());
	}

	@Override
	public List<Stored> lines(String profileId, long unitId, PeriodColumn column, String key) {
		return rows.stream().filter(s -> s.unitId() == unitId && key.equals(key(s, column))).toList();
	}

	@Override
	public long maxId() {
		return rows.stream().mapToLong(Stored::id).max().orElse(0);
	}

	@Override
	public void linesUpTo(String profileId, PeriodColumn column, String key, Long unitId, long upTo, ResultHandler<Stored> handler) {
		rows.stream().filter(s -> (unitId == null || s.unitId() == unitId) && s.id() <= upTo && key.equals(key(s, column)))
			.sorted(java.util.Comparator.comparingLong(Stored::unitId).thenComparingLong(Stored::id))
			.forEach(s -> handler.handleResult(new ResultContext<Stored>() {

				@Override
				public Stored getResultObject() {
					return s;
				}

				@Override
				public int getResultCount() {
					return 0;
				}

				@Override
				public boolean isStopped() {
					return false;
				}

				@Override
				public void stop() {
				}
			}));
	}

	@Override
	public List<UnitPoints> totals(String profileId, PeriodColumn column, String key) {
		return pointsPerUnit(profileId, column, key, null);
	}

	/** Sum of every row of a unit in a period. */
	BigDecimal total(long unitId, PeriodColumn column, String key) {
		return rows.stream().filter(s -> s.unitId() == unitId && key.equals(key(s, column))).map(Stored::points)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}
}
