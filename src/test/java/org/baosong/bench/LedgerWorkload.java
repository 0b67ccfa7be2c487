package org.baosong.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import org.baosong.profile.AssessmentCalendar;
import org.baosong.profile.AssessmentCalendar.PeriodKeys;

/**
 * The bulletin benchmark's data (scripts/bench-bulletin), made from a seed: a registry of units spread over
 * the Guangzhou profile's sequences (the direct-report points with a parent department), and a year of ledger
 * rows in time order as the scoring engine writes them — a 0-point row per accepted submission, points for
 * adoptions per journal and placement, leader instructions, upstream adoptions, penalties and late commissions,
 * half of a direct-report point for its parent (parent credit), and undos (a reversing row and a reversing
 * act). Every point row has its editorial act, and every accepted submission its inbound message, with
 * rejected messages beside them, so the bulletin's activity and intake steps read real rows too.
 *
 * <p>Ids are given here (the tables start empty), so a reversal names the row it reverses. The same seed gives
 * the same rows; nothing is timed here.
 */
final class LedgerWorkload {

	/** The sequences of the guangzhou-2005 profile and their share of the units. */
	static final List<String> SEQUENCES = List.of("district", "dept-a", "dept-b", "direct-a", "direct-b");

	private static final int[] SEQUENCE_SHARE = { 4, 20, 20, 28, 28 };

	static final String PROFILE = "guangzhou-2005";

	static final String MAILBOX = "bench-bulletin";

	record UnitRow(long id, String code, String name, String sequenceCode, Long parentUnitId, int sortOrder) {
	}

	/** A score_entry row (submission_id stays null: the benchmark has no submission rows). */
	record EntryRow(long id, long unitId, PeriodKeys periods, LocalDate day, BigDecimal points, String ruleId, String eventKind, long eventId,
			String scopeKey, String reportType, String explanation, Long reversesId) {
	}

	/** An editorial_act row. */
	record ActRow(long id, String kind, long unitId, LocalDate day, String attributes, Long reversesId) {
	}

	/** An inbound_mail row (ACCEPTED, or REJECTED with its reason codes). */
	record InboundRow(long id, long unitId, LocalDate day, String status, String reasonCodes) {
	}

	/** A point act of a unit that an undo may reverse, with its rows (its own and its parent's credit). */
	private record Reversible(long actId, String attributes, List<EntryRow> rows) {

		EntryRow row() {
			return rows.get(0);
		}
	}

	/** What the generator writes to. */
	interface Sink {

		void entry(EntryRow row);

		void act(ActRow row);

		void inbound(InboundRow row);
	}

	private static final String[] JOURNAL_RULES = { "SFXX:标题信息:sfxx-title:2", "SFXX:短波信息:sfxx-short:1", "SFYQ:要情:sfyq:5", "SWCY:专送:swcy:5",
			"SFDY:主办:sfdy-host:5", "SFDY:参与:sfdy-participant:2", "SFZB:专报:sfzb:8" };

	private static final String[] TYPES = { "动态", "综合", "调研", "简讯", "要情", "专报" };

	private static final String[] REASONS = { "DUPLICATE", "SUBJECT_FORMAT", "UNKNOWN_SENDER", "DATE_OUT_OF_WINDOW", "NEAR_DUPLICATE" };

	final long seed;

	final int unitCount;

	final int rows;

	final int assessmentYear;

	private final AssessmentCalendar calendar;

	private final List<UnitRow> units;

	LedgerWorkload(long seed, int unitCount, int rows, int assessmentYear, AssessmentCalendar calendar) {
		if (unitCount < SEQUENCES.size() * 2 || rows < unitCount) {
			throw new IllegalArgumentException("at least " + SEQUENCES.size() * 2 + " units and a row per unit");
		}
		this.seed = seed;
		this.unitCount = unitCount;
		this.rows = rows;
		this.assessmentYear = assessmentYear;
		this.calendar = calendar;
		this.units = makeUnits();
	}

	List<UnitRow> units() {
		return units;
	}

	LocalDate firstDay() {
		return calendar.startOf(assessmentYear);
	}

	LocalDate lastDay() {
		return calendar.endOf(assessmentYear);
	}

	/** The units: ids 1..n, a share of each sequence; each direct-report point under a department. */
	private List<UnitRow> makeUnits() {
		var result = new ArrayList<UnitRow>();
		int total = 0;
		for (int share : SEQUENCE_SHARE) {
			total += share;
		}
		int id = 0;
		var departments = new ArrayList<Long>();
		for (int s = 0; s < SEQUENCES.size(); s++) {
			String sequence = SEQUENCES.get(s);
			int count = s == SEQUENCES.size() - 1 ? unitCount - id : Math.max(2, unitCount * SEQUENCE_SHARE[s] / total);
			for (int i = 0; i < count; i++) {
				id++;
				Long parent = sequence.startsWith("direct") ? departments.get(i % departments.size()) : null;
				result.add(new UnitRow(id, "B%04d".formatted(id), "测试%s单位%04d".formatted(sequenceName(sequence), id), sequence, parent, i + 1));
				if (sequence.startsWith("dept")) {
					departments.add((long) id);
				}
			}
		}
		return List.copyOf(result);
	}

	private static String sequenceName(String code) {
		return switch (code) {
			case "district" -> "区";
			case "dept-a" -> "部门甲";
			case "dept-b" -> "部门乙";
			case "direct-a" -> "直报甲";
			default -> "直报乙";
		};
	}

	/**
	 * Writes exactly {@link #rows} ledger rows, in time order over the assessment year (so one unit's rows lie
	 * all over the table, as in production), with their acts and inbound messages.
	 */
	void generate(Sink sink) {
		var random = new SplittableRandom(seed);
		var typeRandom = new Random(seed ^ 0x5DEECE66DL);
		LocalDate first = firstDay();
		long days = ChronoUnit.DAYS.between(first, lastDay()) + 1;
		// the point rows of each unit that an undo may reverse (the last few, not reversed yet)
		List<ArrayDeque<Reversible>> reversible = new ArrayList<>();
		for (int i = 0; i < units.size(); i++) {
			reversible.add(new ArrayDeque<>());
		}
		long entryId = 0;
		long actId = 0;
		long inboundId = 0;
		long submissionNo = 0;
		while (entryId < rows) {
			LocalDate day = first.plusDays(Math.min(days - 1, entryId * days / rows));
			PeriodKeys periods = calendar.periods(day);
			int u = random.nextInt(units.size());
			UnitRow unit = units.get(u);
			int kind = random.nextInt(100);
			if (kind < 42) {
				// an accepted submission: its inbound message and its 0-point quantity row; now and then a rejected message too
				long submission = ++submissionNo;
				String type = TYPES[typeRandom.nextInt(TYPES.length)];
				sink.inbound(new InboundRow(++inboundId, unit.id(), day, "ACCEPTED", null));
				if (random.nextInt(100) < 15) {
					sink.inbound(new InboundRow(++inboundId, unit.id(), day, "REJECTED", REASONS[random.nextInt(REASONS.length)]));
				}
				sink.entry(new EntryRow(++entryId, unit.id(), periods, day, BigDecimal.ZERO.setScale(2), "accepted", "SUBMISSION_ACCEPTED", submission,
						"accepted:" + submission, type, "报送信息被受理（" + type + "）", null));
				continue;
			}
			if (kind < 46 && !reversible.get(u).isEmpty()) {
				// an undo: the reversing act (of the same kind) and the reversing rows of one of the unit's last point rows
				Reversible undone = reversible.get(u).pollFirst();
				sink.act(new ActRow(++actId, undone.row().eventKind(), unit.id(), day, undone.attributes(), undone.actId()));
				for (EntryRow original : undone.rows()) {
					if (entryId < rows) {
						sink.entry(new EntryRow(++entryId, original.unitId(), periods, day, original.points().negate(), original.ruleId(),
								original.eventKind(), actId, original.scopeKey(), null, "撤销：" + original.explanation(), original.id()));
					}
				}
				continue;
			}
			String eventKind;
			String ruleId;
			BigDecimal points;
			String explanation;
			String attributes = null;
			if (kind < 82) {
				String[] rule = JOURNAL_RULES[random.nextInt(JOURNAL_RULES.length)].split(":");
				eventKind = "ADOPTED";
				ruleId = rule[2];
				points = new BigDecimal(rule[3]);
				explanation = "《" + rule[0] + "》" + rule[1] + "采用，记 " + rule[3] + " 分";
				attributes = "{\"journal\":\"" + rule[0] + "\",\"placement\":\"" + rule[1] + "\"}";
			}
			else if (kind < 91) {
				eventKind = "INSTRUCTION";
				ruleId = "sfxx-city-leader";
				points = new BigDecimal(8);
				explanation = "获市领导批示，加 8 分";
				attributes = "{\"level\":\"city-leader\"}";
			}
			else if (kind < 95) {
				eventKind = "UPSTREAM_ADOPTION";
				boolean state = random.nextInt(4) == 0;
				ruleId = state ? "state-council" : "province";
				points = new BigDecimal(state ? 20 : 8);
				explanation = (state ? "被国务院办公厅采用" : "被省政府办公厅采用") + "，加 " + points + " 分";
				attributes = "{\"level\":\"" + (state ? "state-council" : "province") + "\"}";
			}
			else if (kind < 97) {
				eventKind = "PENALTY";
				ruleId = "upper-criticism";
				points = new BigDecimal(-10);
				explanation = "受到省政府办公厅批评，扣 10 分";
				attributes = "{\"code\":\"upper-criticism\"}";
			}
			else {
				eventKind = "COMMISSION_LATE";
				ruleId = "commission-late";
				points = new BigDecimal(-5);
				explanation = "约稿逾期报送，扣 5 分";
			}
			points = points.setScale(2);
			sink.act(new ActRow(++actId, eventKind, unit.id(), day, attributes, null));
			String scope = "act:" + actId;
			var row = new EntryRow(++entryId, unit.id(), periods, day, points, ruleId, eventKind, actId, scope, null,
					explanation + "（依据 #" + actId + "）", null);
			sink.entry(row);
			var written = new ArrayList<EntryRow>(List.of(row));
			if (unit.parentUnitId() != null && points.signum() > 0 && entryId < rows) {
				BigDecimal half = points.divide(BigDecimal.valueOf(2)).setScale(2);
				var credit = new EntryRow(++entryId, unit.parentUnitId(), periods, day, half, "parent-credit", eventKind, actId, scope, null,
						"直报点 " + unit.name() + " 得分的 50%：" + half + " 分", null);
				sink.entry(credit);
				written.add(credit);
			}
			if (points.signum() > 0) {
				var queue = reversible.get(u);
				queue.addLast(new Reversible(actId, attributes, List.copyOf(written)));
				if (queue.size() > 8) {
					queue.pollFirst();
				}
			}
		}
	}
}
