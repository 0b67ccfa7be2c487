package org.baosong.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baosong.editorial.ActAttributes;
import org.baosong.editorial.EditorialActs.Act;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.ScoringRules;
import org.baosong.profile.ScoringRules.Section;

/**
 * Commission outcomes, instruction feedback, marks and penalties. A unit has one outcome per commission and
 * per instruction: when several acts stand (missing at the due date, then a late answer), the best one counts
 * (answered before late before missing), so a unit is never charged twice for one commission.
 */
final class Outcomes {

	private static final List<String> COMMISSION_ORDER = List.of(ActKinds.COMMISSION_ANSWERED, ActKinds.COMMISSION_LATE,
			ActKinds.COMMISSION_MISSING);

	private static final List<String> FEEDBACK_ORDER = List.of(ActKinds.FEEDBACK, ActKinds.FEEDBACK_LATE, ActKinds.FEEDBACK_MISSING);

	private Outcomes() {
	}

	static List<Candidate> commissions(ScoringRules rules, Item item) {
		var points = rules.commissions();
		var result = new ArrayList<Candidate>();
		for (Act act : best(item, COMMISSION_ORDER, a -> a.unitId() + "|" + a.attributes().get(ActAttributes.COMMISSION)
			.orElse(a.refType() + ":" + a.refId()))) {
			String code = act.attributes().get(ActAttributes.COMMISSION).orElse("");
			switch (act.kind()) {
				case ActKinds.COMMISSION_ANSWERED -> {
					if (points.answered() == null) {
						continue;
					}
					if (!points.answeredRequiresAdoption()) {
						result.add(candidate(act, act.effectiveOn(), points.answered(), "commission:answered", "约稿 " + code + " 按时报送"));
						continue;
					}
					item.firstAdoption().ifPresent(adopted -> result.add(candidate(act, ScoringEngine.later(act.effectiveOn(), adopted),
							points.answered(), "commission:answered", "约稿 " + code + " 按时报送并被采用")));
				}
				case ActKinds.COMMISSION_LATE -> add(result, act, points.late(), "commission:late", "约稿 " + code + " 逾期报送");
				default -> add(result, act, points.missing(), "commission:missing", "约稿 " + code + " 到期未报送");
			}
		}
		return result;
	}

	static List<Candidate> feedback(ScoringRules rules, Item item) {
		var points = rules.feedback();
		var result = new ArrayList<Candidate>();
		for (Act act : best(item, FEEDBACK_ORDER, a -> a.unitId() + "|" + a.refType() + ":" + a.refId())) {
			switch (act.kind()) {
				case ActKinds.FEEDBACK -> add(result, act, points.onTime(), "feedback:on-time", "领导批示按时反馈");
				case ActKinds.FEEDBACK_LATE -> add(result, act, points.late(), "feedback:late", "领导批示逾期反馈");
				default -> add(result, act, points.missing(), "feedback:missing", "领导批示到期未反馈");
			}
		}
		return result;
	}

	static List<Candidate> marksAndPenalties(JurisdictionProfile profile, Item item) {
		var rules = profile.scoring();
		var result = new ArrayList<Candidate>();
		for (Act act : item.acts()) {
			String code = act.attributes().get(ActAttributes.CODE).orElse(null);
			if (code == null) {
				continue;
			}
			if (act.kind().equals(ActKinds.MARK)) {
				rules.mark(code).ifPresent(rule -> result.add(new Candidate(act, Section.MARKS, act.effectiveOn(), rule.points(),
						"mark:" + code, ScoringEngine.termName(profile.editorial().marks(), code))));
			}
			else if (act.kind().equals(ActKinds.PENALTY)) {
				rules.penalty(code).ifPresent(rule -> result.add(new Candidate(act, Section.PENALTIES, act.effectiveOn(), rule.points(),
						"penalty:" + code, ScoringEngine.termName(profile.editorial().penalties(), code))));
			}
		}
		return result;
	}

	/** Per group, the standing act of the kinds given that comes first in their order. */
	private static List<Act> best(Item item, List<String> order, java.util.function.Function<Act, String> group) {
		Map<String, Act> chosen = new LinkedHashMap<>();
		item.acts().stream()
			.filter(a -> order.contains(a.kind()))
			.sorted(Comparator.comparingInt((Act a) -> order.indexOf(a.kind())).thenComparing(Act::id))
			.forEach(a -> chosen.putIfAbsent(group.apply(a), a));
		return new ArrayList<>(chosen.values());
	}

	private static void add(List<Candidate> result, Act act, BigDecimal points, String ruleId, String text) {
		if (points != null) {
			result.add(candidate(act, act.effectiveOn(), points, ruleId, text));
		}
	}

	private static Candidate candidate(Act act, java.time.LocalDate day, BigDecimal points, String ruleId, String text) {
		Section section = act.kind().startsWith("COMMISSION") ? Section.COMMISSIONS : Section.FEEDBACK;
		return new Candidate(act, section, day, points, ruleId, text);
	}
}
