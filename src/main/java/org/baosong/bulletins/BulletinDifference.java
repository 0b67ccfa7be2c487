package org.baosong.bulletins;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.baosong.bulletins.BulletinContent.AlertRow;
import org.baosong.bulletins.BulletinContent.SequenceTable;
import org.baosong.bulletins.BulletinContent.UnitRow;

/**
 * One difference between a bulletin and the one published before for the same period: a figure of a unit
 * that changed, a unit that came or went, an alert given or withdrawn.
 *
 * @param what   POINTS, RANK, MET, ACCEPTED, ADOPTED, RECEIVED, REJECTED, INSTRUCTIONS, UPSTREAM, UNIT_ADDED, UNIT_REMOVED,
 *               ALERT_ADDED or ALERT_REMOVED
 * @param before as published (empty for an addition)
 * @param after  as now (empty for a removal)
 */
public record BulletinDifference(String sequence, long unitId, String unitName, String what, String before, String after) {

	/** What changed from {@code published} to {@code now}, by sequence and unit. */
	static List<BulletinDifference> between(BulletinContent published, BulletinContent now) {
		var result = new ArrayList<BulletinDifference>();
		Map<String, SequenceTable> before = new HashMap<>();
		published.sequences().forEach(s -> before.put(s.code(), s));
		for (SequenceTable sequence : now.sequences()) {
			Map<Long, UnitRow> old = new HashMap<>();
			SequenceTable was = before.get(sequence.code());
			if (was != null) {
				was.rows().forEach(r -> old.put(r.unitId(), r));
			}
			for (UnitRow row : sequence.rows()) {
				UnitRow o = old.remove(row.unitId());
				if (o == null) {
					result.add(new BulletinDifference(sequence.name(), row.unitId(), row.unitName(), "UNIT_ADDED", "", plain(row.points())));
					continue;
				}
				compare(result, sequence.name(), row, "POINTS", plain(o.points()), plain(row.points()));
				compare(result, sequence.name(), row, "RANK", String.valueOf(o.rank()), String.valueOf(row.rank()));
				compare(result, sequence.name(), row, "MET", String.valueOf(o.met()), String.valueOf(row.met()));
				compare(result, sequence.name(), row, "ACCEPTED", String.valueOf(o.accepted()), String.valueOf(row.accepted()));
				compare(result, sequence.name(), row, "ADOPTED", String.valueOf(o.adopted()), String.valueOf(row.adopted()));
				compare(result, sequence.name(), row, "INSTRUCTIONS", String.valueOf(o.instructions()), String.valueOf(row.instructions()));
				compare(result, sequence.name(), row, "UPSTREAM", String.valueOf(o.upstreamAdoptions()), String.valueOf(row.upstreamAdoptions()));
				compare(result, sequence.name(), row, "RECEIVED", String.valueOf(o.received()), String.valueOf(row.received()));
				compare(result, sequence.name(), row, "REJECTED", String.valueOf(o.rejected()), String.valueOf(row.rejected()));
			}
			old.values().forEach(o -> result.add(new BulletinDifference(sequence.name(), o.unitId(), o.unitName(), "UNIT_REMOVED",
					plain(o.points()), "")));
		}
		Set<String> oldAlerts = new HashSet<>();
		published.alerts().forEach(a -> oldAlerts.add(key(a)));
		Set<String> newAlerts = new HashSet<>();
		now.alerts().forEach(a -> newAlerts.add(key(a)));
		now.alerts().stream().filter(a -> !oldAlerts.contains(key(a)))
			.forEach(a -> result.add(new BulletinDifference(name(now, a.sequenceCode()), a.unitId(), a.unitName(), "ALERT_ADDED", "", a.text())));
		published.alerts().stream().filter(a -> !newAlerts.contains(key(a)))
			.forEach(a -> result.add(new BulletinDifference(name(published, a.sequenceCode()), a.unitId(), a.unitName(), "ALERT_REMOVED",
					a.text(), "")));
		return result;
	}

	private static void compare(List<BulletinDifference> result, String sequence, UnitRow row, String what, String before, String after) {
		if (!Objects.equals(before, after)) {
			result.add(new BulletinDifference(sequence, row.unitId(), row.unitName(), what, before, after));
		}
	}

	private static String key(AlertRow a) {
		return a.unitId() + "|" + a.kind() + "|" + a.text();
	}

	private static String name(BulletinContent content, String code) {
		return content.sequences().stream().filter(s -> s.code().equals(code)).map(SequenceTable::name).findFirst().orElse(code);
	}

	private static String plain(BigDecimal value) {
		return BulletinComputation.plain(value);
	}
}
