package org.baosong.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baosong.profile.AssessmentCalendar.Period;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.Sequence;
import org.baosong.profile.Target;

/**
 * The lines a period close writes, derived from the period's figures: per unit and target of the period,
 * the quota's consequences (base points if met, points per submission short or beyond) or its status;
 * weekly quotas of the weeks in the period; the base points; score targets' status; and last the
 * normalisation (scale × score ÷ best score of the sequence). A pure function of its inputs, so a
 * recompute derives the same lines.
 */
final class CloseRules {

	static final String EVENT = "PERIOD_CLOSE";

	/**
	 * @param units    the units to judge, in registry order (active ones, and any with points in the period)
	 * @param points   each unit's points in the period, without this close's own lines
	 * @param counts   each unit's accepted submissions in the period
	 * @param weekly   each unit's accepted submissions in the weeks the period checks
	 */
	record Figures(List<ScoringContext.UnitFacts> units, Map<Long, BigDecimal> points, Map<Long, Targets.Counts> counts,
			Map<Long, Targets.Counts> weekly) {
	}

	private final JurisdictionProfile profile;

	CloseRules(JurisdictionProfile profile) {
		this.profile = profile;
	}

	List<Line> derive(Period period, long closeId, Figures figures, Instant now) {
		String scope = Scopes.close(period.kind(), period.key());
		String label = PeriodLabels.of(period.kind(), period.key());
		var keys = profile.calendar().periods(period.end());
		var weeks = Targets.weeksOf(profile.calendar(), period);
		var lines = new ArrayList<Line>();
		Map<Long, BigDecimal> scores = new LinkedHashMap<>();
		var scoring = profile.scoring();
		for (var unit : figures.units()) {
			var sequence = profile.sequence(unit.sequenceCode());
			if (sequence.isEmpty()) {
				continue;
			}
			var unitLines = new ArrayList<Line>();
			BigDecimal points = figures.points().getOrDefault(unit.id(), BigDecimal.ZERO);
			var counts = figures.counts().getOrDefault(unit.id(), Targets.Counts.NONE);
			var weekly = figures.weekly().getOrDefault(unit.id(), Targets.Counts.NONE);
			var targets = sequence.get().targets();
			for (Target target : Targets.checkedAt(targets, profile.calendar(), period.kind())) {
				if (target.quantity() == null) {
					continue;
				}
				var result = Targets.evaluate(target, points, counts, weekly, weeks);
				String rule = "target:" + sequence.get().code() + ":" + targets.indexOf(target);
				for (var consequence : quota(label, result)) {
					unitLines.add(line(scope, unit.id(), keys, consequence.points(), rule + ":" + consequence.kind(), closeId, consequence.text(),
							now));
				}
			}
			if (scoring.base() != null && scoring.base().period() == period.kind()) {
				unitLines.add(line(scope, unit.id(), keys, scoring.base().points(), "base", closeId,
						label + "基础分 " + Points.signed(scoring.base().points()), now));
			}
			BigDecimal score = points.add(sum(unitLines));
			for (Target target : Targets.checkedAt(targets, profile.calendar(), period.kind())) {
				if (target.score() == null) {
					continue;
				}
				var result = Targets.evaluate(target, score, counts, weekly, weeks);
				String text = label + "得分 " + Points.plain(score) + "（指标 " + Points.plain(target.score()) + " 分）：" + (result.met() ? "完成" : "未完成");
				if (target.basePoints() != null) {
					BigDecimal base = result.met() ? target.basePoints() : BigDecimal.ZERO;
					unitLines.add(line(scope, unit.id(), keys, base, "target:" + sequence.get().code() + ":" + targets.indexOf(target) + ":base",
							closeId, text + "，基础分 " + Points.signed(base), now));
				}
				else {
					unitLines.add(line(scope, unit.id(), keys, BigDecimal.ZERO,
							"target:" + sequence.get().code() + ":" + targets.indexOf(target) + ":status", closeId, text, now));
				}
			}
			lines.addAll(unitLines);
			scores.put(unit.id(), points.add(sum(unitLines)));
		}
		if (scoring.normalisation() != null && scoring.normalisation().period() == period.kind()) {
			lines.addAll(normalise(scope, label, keys, closeId, figures, scores, now));
		}
		return lines;
	}

	private record Consequence(String kind, BigDecimal points, String text) {
	}

	private static List<Consequence> quota(String label, Targets.Result result) {
		Target target = result.target();
		String what = target.reportType() == null ? "" : target.reportType() + "类";
		String head;
		if (target.period() == org.baosong.profile.PeriodKind.WEEK) {
			head = label + "每周报送" + what + "信息（指标每周 " + target.quantity() + " 条）：" + result.required().toPlainString() + " 周中 "
					+ result.actual().toPlainString() + " 周达到" + (result.missing() > 0 ? "，少 " + result.missing() + " 条（" + result.detail() + "）" : "");
		}
		else {
			head = label + "报送" + what + "信息 " + result.actual().toPlainString() + " 条（指标 " + target.quantity() + " 条）："
					+ (result.met() ? "完成" : "未完成");
		}
		var consequences = new ArrayList<Consequence>();
		if (target.basePoints() != null) {
			BigDecimal base = result.met() ? target.basePoints() : BigDecimal.ZERO;
			consequences.add(new Consequence("base", base, head + "，基础分 " + Points.signed(base)));
		}
		if (target.pointsPerMissing() != null && result.missing() > 0) {
			BigDecimal p = target.pointsPerMissing().multiply(BigDecimal.valueOf(result.missing()));
			consequences.add(new Consequence("missing", p,
					head + "，少 " + result.missing() + " 条 × " + Points.plain(target.pointsPerMissing()) + " = " + Points.signed(p)));
		}
		if (target.pointsPerExtra() != null && result.extra() > 0) {
			BigDecimal p = target.pointsPerExtra().multiply(BigDecimal.valueOf(result.extra()));
			consequences.add(new Consequence("extra", p,
					head + "，多 " + result.extra() + " 条 × " + Points.plain(target.pointsPerExtra()) + " = " + Points.signed(p)));
		}
		if (consequences.isEmpty()) {
			consequences.add(new Consequence("status", BigDecimal.ZERO, head));
		}
		return consequences;
	}

	private List<Line> normalise(String scope, String label, org.baosong.profile.AssessmentCalendar.PeriodKeys keys, long closeId,
			Figures figures, Map<Long, BigDecimal> scores, Instant now) {
		BigDecimal scale = profile.scoring().normalisation().scale();
		Map<String, BigDecimal> best = new HashMap<>();
		var sequenceOf = new HashMap<Long, String>();
		for (var unit : figures.units()) {
			if (scores.containsKey(unit.id())) {
				sequenceOf.put(unit.id(), unit.sequenceCode());
				best.merge(unit.sequenceCode(), scores.get(unit.id()), BigDecimal::max);
			}
		}
		var lines = new ArrayList<Line>();
		scores.forEach((unitId, score) -> {
			String sequence = sequenceOf.get(unitId);
			BigDecimal top = best.get(sequence);
			if (top == null || top.signum() <= 0) {
				return;
			}
			BigDecimal normalised = scale.multiply(score).divide(top, 2, RoundingMode.HALF_UP);
			BigDecimal adjustment = normalised.subtract(score);
			String name = profile.sequence(sequence).map(Sequence::name).orElse(sequence);
			lines.add(line(scope, unitId, keys, adjustment, "normalisation", closeId,
					label + "折合" + Points.plain(scale) + "分制：" + Points.plain(scale) + " × " + Points.plain(score) + " ÷ " + Points.plain(top) + "（"
							+ name + "最高分）= " + Points.plain(normalised) + "，调整 " + Points.signed(adjustment),
					now));
		});
		return lines;
	}

	private static BigDecimal sum(List<Line> lines) {
		return lines.stream().map(Line::points).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static Line line(String scope, long unitId, org.baosong.profile.AssessmentCalendar.PeriodKeys keys, BigDecimal points, String rule,
			long closeId, String text, Instant now) {
		return new Line(scope, unitId, null, keys, points, rule, EVENT, closeId, null, null, Points.clip(text), now);
	}
}
