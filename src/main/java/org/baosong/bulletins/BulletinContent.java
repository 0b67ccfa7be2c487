package org.baosong.bulletins;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a bulletin shows, computed once from the ledger, the editorial acts and the inbound log and
 * kept as it was (the snapshot, ADR 0025): the exports, the pages, the API and the mails are all made from
 * this, never recomputed. The units' explanations (their ledger lines) are not stored in snapshots written
 * since ADR 0025 was amended: they are the period's ledger rows up to {@code ledgerWatermark}, read when
 * shown ({@link BulletinLines}); older snapshots hold them and have no watermark.
 *
 * @param closed        the period was closed when the bulletin was computed (targets judged finally, alerts given)
 * @param ledgerLines   how many ledger rows of the period the bulletin was computed from (rows are only ever added,
 *                      so a different count means the ledger of the period changed)
 * @param ledgerPoints  the sum of the points of those rows
 * @param ledgerWatermark the highest ledger row id when the bulletin was computed (the ledger is only appended to, so
 *                      the period's rows up to it are the rows it was computed from); null in a snapshot that holds
 *                      every unit's lines (written before the watermark)
 * @param normalisation how scores were converted to a scale in this period (Changchun), or null
 * @param journals      the journals whose adoptions are counted, in the profile's order (the table's columns)
 * @param sequences     one table per sequence, units by rank
 * @param alerts        what the bulletin flags: missed targets, consecutive misses, zero adoption, praise, late or
 *                      missing commissions
 */
public record BulletinContent(String profileId, String profileName, String office, String periodKind, String periodKey,
		String periodLabel, LocalDate start, LocalDate end, boolean closed, Instant computedAt, long ledgerLines, BigDecimal ledgerPoints,
		Long ledgerWatermark, String normalisation, List<Journal> journals, List<SequenceTable> sequences, List<AlertRow> alerts) {

	public record Journal(String code, String name) {
	}

	/**
	 * @param targets what the sequence's units had to reach in this period, as people read it (季度得分指标 18 分)
	 */
	public record SequenceTable(String code, String name, String targets, List<UnitRow> rows) {

		public long metCount() {
			return rows.stream().filter(r -> Boolean.TRUE.equals(r.met())).count();
		}

		public BigDecimal bestPoints() {
			return rows.stream().map(UnitRow::points).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		}

		SequenceTable withRows(List<UnitRow> rows) {
			return new SequenceTable(code, name, targets, rows);
		}
	}

	/**
	 * One unit of a sequence.
	 *
	 * @param received         messages received from the unit in the period (any outcome)
	 * @param rejected         of them rejected
	 * @param rejectedByReason how often each reason code was given to its rejected messages
	 * @param accepted         accepted submissions (what quotas count)
	 * @param adoptions        adoptions per journal code
	 * @param target           the first target's score or quantity, or null without targets
	 * @param targetMeasure    SCORE, QUANTITY or WEEKLY, or null
	 * @param completion       percent of the first target reached, or null
	 * @param met              every target met; null without targets
	 * @param lines            the unit's explanation: its ledger lines of the period (without the 0-point rows of
	 *                         accepted submissions), oldest first, reversals included; they sum to {@code points}.
	 *                         Null in a stored snapshot with a watermark until they are read from the ledger
	 */
	public record UnitRow(long unitId, String unitCode, String unitName, long received, long rejected, Map<String, Long> rejectedByReason,
			long accepted, Map<String, Long> adoptions, long adopted, long instructions, long upstreamAdoptions, long marks, long penalties,
			long commissionsLate, long commissionsMissing, BigDecimal points, BigDecimal target, String targetMeasure, BigDecimal completion,
			Boolean met, int rank, List<Line> lines) {

		public long adoptionsIn(String journal) {
			return adoptions.getOrDefault(journal, 0L);
		}

		UnitRow withLines(List<Line> lines) {
			return new UnitRow(unitId, unitCode, unitName, received, rejected, rejectedByReason, accepted, adoptions, adopted, instructions,
					upstreamAdoptions, marks, penalties, commissionsLate, commissionsMissing, points, target, targetMeasure, completion, met, rank,
					lines);
		}
	}

	/**
	 * One ledger line of a unit's explanation.
	 *
	 * @param reversesId the line this one reverses, or null
	 * @param reversed   a later line of the period reverses this one
	 */
	public record Line(long id, String month, BigDecimal points, String ruleId, String eventKind, String explanation, Long reversesId,
			boolean reversed) {

		/** Neither a reversal nor reversed: what still counts. */
		public boolean standing() {
			return reversesId == null && !reversed;
		}
	}

	/**
	 * @param kind MISSED_TARGET, CONSECUTIVE_MISSED, ZERO_ADOPTION, PRAISE, COMMISSION_LATE or COMMISSION_MISSING
	 */
	public record AlertRow(long unitId, String unitName, String sequenceCode, String kind, boolean praise, String text) {
	}

	BulletinContent withSequences(List<SequenceTable> sequences) {
		return new BulletinContent(profileId, profileName, office, periodKind, periodKey, periodLabel, start, end, closed, computedAt, ledgerLines,
				ledgerPoints, ledgerWatermark, normalisation, journals, sequences, alerts);
	}

	/** A unit's row, in whichever sequence it stands. */
	public java.util.Optional<UnitRow> unit(long unitId) {
		return sequences.stream().flatMap(s -> s.rows().stream()).filter(r -> r.unitId() == unitId).findFirst();
	}

	/** The sequence a unit stands in. */
	public java.util.Optional<SequenceTable> sequenceOf(long unitId) {
		return sequences.stream().filter(s -> s.rows().stream().anyMatch(r -> r.unitId() == unitId)).findFirst();
	}

	public List<AlertRow> alertsOf(long unitId) {
		return alerts.stream().filter(a -> a.unitId() == unitId).toList();
	}

	public int unitCount() {
		return sequences.stream().mapToInt(s -> s.rows().size()).sum();
	}
}
