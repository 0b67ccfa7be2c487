package org.baosong.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

import org.baosong.profile.AssessmentCalendar.PeriodKeys;

@Mapper
interface LedgerMapper {

	void insert(@Param("e") Entry entry);

	/** Takes (and creates when new) the lock row of a scope, held until the transaction ends. */
	void lockScope(@Param("profileId") String profileId, @Param("scopeKey") String scopeKey, @Param("now") Instant now);

	/** Every row of a scope (with reversals), locked: a locking read sees what others committed while we waited. */
	List<Stored> scopeRows(@Param("profileId") String profileId, @Param("scopeKey") String scopeKey);

	/** The standing lines of a profile in one period (column = the period kind's column), for a recompute's comparison. */
	List<Stored> standingInPeriod(@Param("profileId") String profileId, @Param("column") PeriodColumn column, @Param("key") String key);

	/** The standing lines of a profile in one assessment year. */
	List<Stored> standingInYear(@Param("profileId") String profileId, @Param("year") String year);

	/** The assessment years the ledger of a profile has lines in. */
	List<String> years(@Param("profileId") String profileId);

	/** Sum of points per unit in a period, leaving out one scope (the close being derived). */
	List<UnitPoints> pointsPerUnit(@Param("profileId") String profileId, @Param("column") PeriodColumn column, @Param("key") String key,
			@Param("exceptScope") String exceptScope);

	/** Accepted submissions per unit, week and type in a period. */
	List<Accepted> acceptedPerWeek(@Param("profileId") String profileId, @Param("column") PeriodColumn column, @Param("key") String key);

	/** Accepted submissions per unit, week and type in some weeks. */
	List<Accepted> acceptedInWeeks(@Param("profileId") String profileId, @Param("weeks") List<String> weeks);

	/** Every line (with reversals) of a unit in a period, oldest first. */
	List<Stored> lines(@Param("profileId") String profileId, @Param("unitId") long unitId, @Param("column") PeriodColumn column,
			@Param("key") String key);

	/** The highest id of the ledger, 0 when it is empty: every row written before it has an id up to it. */
	long maxId();

	/**
	 * Every line (with reversals) of a period up to a ledger id, of one unit or (unitId null) of all, by unit and
	 * oldest first, handed one at a time to the handler (one read, streamed).
	 */
	void linesUpTo(@Param("profileId") String profileId, @Param("column") PeriodColumn column, @Param("key") String key,
			@Param("unitId") Long unitId, @Param("upTo") long upTo, ResultHandler<Stored> handler);

	/** Standing adoptions (ADOPTED act lines and act ids) — not used for points: see Scores.activity. */
	List<UnitPoints> totals(@Param("profileId") String profileId, @Param("column") PeriodColumn column, @Param("key") String key);

	record Entry(String profileId, String scopeKey, long unitId, String year, String half, String quarter, String month, String week,
			BigDecimal points, String ruleId, String eventKind, Long eventId, Long submissionId, String reportType, String explanation,
			Long reversesId, Instant occurredAt, Instant createdAt) {
	}

	record Stored(long id, String scopeKey, long unitId, String periodYear, String periodHalf, String periodQuarter, String periodMonth,
			String periodWeek, BigDecimal points,
			String ruleId, String eventKind, Long eventId, Long submissionId, String reportType, String explanation, Long reversesId,
			Instant occurredAt, Instant createdAt) {

		PeriodKeys periods() {
			return new PeriodKeys(periodYear, periodHalf, periodQuarter, periodMonth, periodWeek);
		}

		Line.Key key() {
			return new Line.Key(scopeKey, unitId, periods(), Line.scale(points), ruleId, eventKind, eventId, submissionId, reportType,
					explanation);
		}
	}

	record UnitPoints(long unitId, BigDecimal points, long lineCount) {
	}

	record Accepted(long unitId, String periodWeek, String reportType, long submissions) {
	}

	/** The column that holds a period kind's key; the enum's name is never put into SQL as text. */
	enum PeriodColumn {
		YEAR, HALF, QUARTER, MONTH, WEEK
	}
}
