package org.baosong.bulletins;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baosong.bulletins.BulletinContent.Line;
import org.baosong.bulletins.BulletinContent.UnitRow;
import org.baosong.scoring.LedgerLine;
import org.baosong.scoring.PeriodRef;
import org.baosong.scoring.Scores;
import org.springframework.stereotype.Component;

/**
 * The units' explanations of a bulletin whose snapshot records the ledger's watermark (ADR 0025, amended):
 * the period's ledger rows with an id up to the watermark, without the 0-point rows of accepted submissions,
 * oldest first, a reversed line and its reversal marked. The ledger is only ever appended to (ADR 0020), so
 * they are the lines the bulletin was computed from; what is read is checked against the totals the snapshot
 * keeps (a row committed below the watermark after the bulletin was computed fails the read: generate it again).
 * A snapshot written before the watermark holds its lines and is returned as it is.
 */
@Component
class BulletinLines {

	private final Scores scores;

	BulletinLines(Scores scores) {
		this.scores = scores;
	}

	/** The content with every unit's lines, read in one pass over the period. */
	BulletinContent all(BulletinContent stored) {
		if (stored.ledgerWatermark() == null) {
			return stored;
		}
		var read = read(stored, null);
		if (read.rows != stored.ledgerLines() || read.points.compareTo(stored.ledgerPoints()) != 0) {
			throw changed(stored, read.rows + " rows of " + read.points + " points, " + stored.ledgerLines() + " rows of " + stored.ledgerPoints()
					+ " when it was computed");
		}
		return with(stored, read, null);
	}

	/** The content with one unit's lines (the other units' rows as stored). */
	BulletinContent unit(BulletinContent stored, long unitId) {
		if (stored.ledgerWatermark() == null || stored.unit(unitId).isEmpty()) {
			return stored;
		}
		return with(stored, read(stored, unitId), unitId);
	}

	private static final class Read {

		final Map<Long, List<LedgerLine>> lines = new HashMap<>();

		final Set<Long> reversed = new HashSet<>();

		long rows;

		BigDecimal points = BigDecimal.ZERO;
	}

	private Read read(BulletinContent stored, Long unitId) {
		var read = new Read();
		scores.linesUpTo(stored.profileId(), PeriodRef.of(stored.periodKind(), stored.periodKey()), unitId, stored.ledgerWatermark(), l -> {
			read.rows++;
			read.points = read.points.add(l.points());
			if (l.reversal()) {
				read.reversed.add(l.reversesId());
			}
			if (!l.quantity()) {
				read.lines.computeIfAbsent(l.unitId(), u -> new ArrayList<>()).add(l);
			}
		});
		return read;
	}

	/** The rows with their lines (only {@code unitId}'s when not null), each checked to sum to the unit's points. */
	private static BulletinContent with(BulletinContent stored, Read read, Long unitId) {
		var sequences = stored.sequences().stream().map(table -> table.withRows(table.rows().stream().map(row -> {
			if (unitId != null && row.unitId() != unitId) {
				return row;
			}
			List<Line> lines = read.lines.getOrDefault(row.unitId(), List.of()).stream()
				.map(l -> new Line(l.id(), l.month(), l.points(), l.ruleId(), l.eventKind(), l.explanation(), l.reversesId(),
						read.reversed.contains(l.id())))
				.toList();
			check(stored, row, lines);
			return row.withLines(lines);
		}).toList())).toList();
		return stored.withSequences(sequences);
	}

	private static void check(BulletinContent stored, UnitRow row, List<Line> lines) {
		BigDecimal sum = lines.stream().map(Line::points).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (sum.compareTo(row.points()) != 0) {
			throw changed(stored, row.unitName() + "'s lines sum to " + sum + ", " + row.points() + " when it was computed");
		}
	}

	private static IllegalStateException changed(BulletinContent stored, String detail) {
		return new IllegalStateException("the ledger of " + stored.periodLabel() + " up to row " + stored.ledgerWatermark()
				+ " is not what the bulletin was computed from (" + detail + "): generate it again");
	}
}
