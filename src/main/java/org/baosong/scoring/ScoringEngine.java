package org.baosong.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.baosong.editorial.ActAttributes;
import org.baosong.editorial.EditorialActs.Act;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.ScoringRules;
import org.baosong.profile.ScoringRules.Combine;
import org.baosong.profile.ScoringRules.Section;
import org.baosong.profile.Term;

/**
 * The rules of a profile applied to the acts of one scope (one submission's acts, or the acts about one
 * commission, penalty ...), giving the ledger lines that scope should have. A pure function: the same acts,
 * units and profile give the same lines, which is what lets a recompute reproduce the ledger and lets the
 * ledger follow an undo or a better bonus by writing only the difference.
 */
final class ScoringEngine {

	private final JurisdictionProfile profile;

	private final ScoringRules rules;

	private final ScoringContext context;

	ScoringEngine(JurisdictionProfile profile, ScoringContext context) {
		this.profile = profile;
		this.rules = profile.scoring();
		this.context = context;
	}

	/** The lines a scope's acts (with their reversals) earn. */
	List<Line> derive(String scopeKey, Collection<Act> acts) {
		var standing = standing(acts);
		var item = new Item(standing);
		var candidates = new ArrayList<Candidate>();
		var placements = new ArrayList<>(placementCandidates(item));
		var upstream = upstreamCandidates(item);
		if (rules.upstream().withPlacements()) {
			placements.addAll(upstream);
		}
		candidates.addAll(combineAdoptions(placements));
		if (!rules.upstream().withPlacements()) {
			candidates.addAll(combineUpstream(upstream));
		}
		candidates.addAll(instructions(item));
		candidates.addAll(Outcomes.commissions(rules, item));
		candidates.addAll(Outcomes.feedback(rules, item));
		candidates.addAll(Outcomes.marksAndPenalties(profile, item));
		var lines = new ArrayList<Line>();
		for (Candidate c : candidates) {
			if (c.points().signum() == 0 || !profile.calendar().assessed(c.day())) {
				continue;
			}
			lines.add(line(scopeKey, c.act().unitId(), c, c.ruleId(), c.points(), c.text()));
			parentCredit(scopeKey, c).ifPresent(lines::add);
		}
		return lines;
	}

	/** The acts of this profile that stand: not reversals, not reversed; oldest first. */
	private List<Act> standing(Collection<Act> acts) {
		Set<Long> reversed = acts.stream().filter(Act::reversal).map(Act::reversesId).collect(Collectors.toSet());
		return acts.stream()
			.filter(a -> !a.reversal() && !reversed.contains(a.id()) && profile.id().equals(a.profileId()))
			.sorted(Comparator.comparing(Act::id))
			.toList();
	}

	private List<Candidate> placementCandidates(Item item) {
		var result = new ArrayList<Candidate>();
		for (Act act : item.adoptions()) {
			String journal = attr(act, ActAttributes.JOURNAL);
			String placement = attr(act, ActAttributes.PLACEMENT);
			String role = attr(act, ActAttributes.ROLE);
			rules.placements().rules().stream()
				.filter(r -> r.journal().equals(journal) && (r.placement() == null || r.placement().equals(placement))
						&& (r.role() == null || r.role().equals(role)))
				.findFirst()
				.ifPresent(r -> result.add(new Candidate(act, Section.PLACEMENTS, act.effectiveOn(), r.points(), "placement:" + r.id(),
						journalName(journal) + (placement == null ? "" : " " + placement) + roleName(role))));
		}
		return result;
	}

	private List<Candidate> upstreamCandidates(Item item) {
		var upstream = rules.upstream();
		Optional<LocalDate> required = Optional.of(LocalDate.MIN);
		if (upstream.requiresJournal() != null) {
			required = item.firstAdoptionIn(upstream.requiresJournal());
		}
		if (required.isEmpty()) {
			return List.of();
		}
		LocalDate after = required.get();
		var result = new ArrayList<Candidate>();
		for (Act act : item.acts()) {
			String level = attr(act, ActAttributes.LEVEL);
			for (var rule : upstream.rules()) {
				String text;
				if (act.kind().equals(ActKinds.UPSTREAM_ADOPTION) && rule.level() != null && rule.level().equals(level)) {
					boolean instructed = "true".equals(attr(act, ActAttributes.WITH_INSTRUCTION));
					if (rule.withInstruction() != null && rule.withInstruction() != instructed) {
						continue;
					}
					text = termName(profile.editorial().upstreamLevels(), level) + "采用"
							+ (rule.withInstruction() == null ? "" : instructed ? "（有领导批示）" : "（无领导批示）");
				}
				else if (act.kind().equals(ActKinds.INSTRUCTION) && rule.instructionLevel() != null && rule.instructionLevel().equals(level)) {
					var adopted = item.adoptionOf(act); // an instruction counts while the adoption it was given on stands
					if (adopted.isEmpty()) {
						continue;
					}
					text = termName(profile.editorial().instructionLevels(), level);
					result.add(new Candidate(act, Section.UPSTREAM, later(later(act.effectiveOn(), after), adopted.get()), rule.points(),
							"upstream:" + rule.id(), text));
					continue;
				}
				else {
					continue;
				}
				result.add(new Candidate(act, Section.UPSTREAM, later(act.effectiveOn(), after), rule.points(), "upstream:" + rule.id(),
						text));
			}
		}
		return result;
	}

	/** One item's adoptions: each counts, or only the highest (per unit). */
	private List<Candidate> combineAdoptions(List<Candidate> pool) {
		if (rules.placements().sameItem() == ScoringRules.SameItem.SUM) {
			return pool;
		}
		return byUnit(pool).values().stream()
			.map(list -> {
				Candidate best = list.stream().sorted(Candidate.BEST_FIRST).findFirst().orElseThrow();
				return list.size() > 1 ? best.withNote("（重复采用只记最高分）") : best;
			})
			.toList();
	}

	/** Upper adoptions of one item: summed or the highest, then capped (per unit). */
	private List<Candidate> combineUpstream(List<Candidate> pool) {
		var upstream = rules.upstream();
		var result = new ArrayList<Candidate>();
		for (var list : byUnit(pool).values()) {
			List<Candidate> kept = list;
			if (upstream.combine() == Combine.MAX) {
				Candidate best = list.stream().sorted(Candidate.BEST_FIRST).findFirst().orElseThrow();
				kept = List.of(list.size() > 1 ? best.withNote("（取最高加分值）") : best);
			}
			result.addAll(cap(kept, upstream.cap()));
		}
		return result;
	}

	private static List<Candidate> cap(List<Candidate> kept, BigDecimal cap) {
		if (cap == null) {
			return kept;
		}
		var result = new ArrayList<Candidate>();
		BigDecimal total = BigDecimal.ZERO;
		for (Candidate c : kept.stream().sorted(Candidate.IN_ORDER).toList()) {
			BigDecimal room = cap.subtract(total).max(BigDecimal.ZERO);
			if (c.points().compareTo(room) > 0) {
				result.add(c.withPoints(room, "（封顶 " + Points.plain(cap) + "）"));
				total = cap;
			}
			else {
				result.add(c);
				total = total.add(c.points());
			}
		}
		return result;
	}

	private List<Candidate> instructions(Item item) {
		var section = rules.instructions();
		var pool = new ArrayList<Candidate>();
		for (Act act : item.ofKind(ActKinds.INSTRUCTION)) {
			String role = attr(act, ActAttributes.ROLE);
			if (section.beneficiary() == ScoringRules.Beneficiary.HOST && role != null && !role.equals("HOST")) {
				continue;
			}
			String journal = attr(act, ActAttributes.JOURNAL);
			Optional<LocalDate> adopted = item.adoptionOf(act);
			if (adopted.isEmpty()) {
				continue;
			}
			String level = attr(act, ActAttributes.LEVEL);
			section.rules().stream()
				.filter(r -> r.level().equals(level) && (r.journals().isEmpty() || r.journals().contains(journal)))
				.findFirst()
				.ifPresent(r -> pool.add(new Candidate(act, Section.INSTRUCTIONS, later(act.effectiveOn(), adopted.get()), r.points(),
						"instruction:" + r.id(),
						(journal == null ? "" : journalName(journal) + " ") + termName(profile.editorial().instructionLevels(), level))));
		}
		if (section.combine() == Combine.SUM) {
			return pool;
		}
		return byUnit(pool).values().stream().map(list -> {
			Candidate best = list.stream().sorted(Candidate.BEST_FIRST).findFirst().orElseThrow();
			return list.size() > 1 ? best.withNote("（多位领导批示取最高分值）") : best;
		}).toList();
	}

	private java.util.Optional<Line> parentCredit(String scopeKey, Candidate c) {
		if (!rules.parentCredit().of().contains(c.section())) {
			return Optional.empty();
		}
		var unit = context.unit(c.act().unitId());
		if (unit.isEmpty() || unit.get().parentUnitId() == null) {
			return Optional.empty();
		}
		BigDecimal share = profile.sequence(unit.get().sequenceCode()).map(s -> s.parentCredit()).orElse(BigDecimal.ZERO);
		BigDecimal points = Line.scale(c.points().multiply(share));
		if (share.signum() == 0 || points.signum() == 0) {
			return Optional.empty();
		}
		String text = "双轨制 " + Points.percent(share) + "：" + unit.get().name() + " " + c.text() + " " + Points.signed(c.points()) + " →";
		return Optional.of(line(scopeKey, unit.get().parentUnitId(), c, "parent-credit:" + c.ruleId(), points, text));
	}

	private Line line(String scopeKey, long unitId, Candidate c, String ruleId, BigDecimal points, String text) {
		Long submission = c.act().submissionId();
		String tracking = submission == null ? null : context.trackingNo(submission);
		String explanation = text + " " + Points.signed(points) + (tracking == null ? "" : " (" + tracking + ")");
		return new Line(scopeKey, unitId, c.day(), profile.calendar().periods(c.day()), points, ruleId, c.act().kind(), c.act().id(),
				submission, null, Points.clip(explanation), c.act().occurredAt());
	}

	private static Map<Long, List<Candidate>> byUnit(List<Candidate> pool) {
		return pool.stream().collect(Collectors.groupingBy(c -> c.act().unitId(), LinkedHashMap::new, Collectors.toList()));
	}

	private String journalName(String code) {
		return code == null ? "" : rules.journal(code).map(ScoringRules.JournalName::name).orElse(code);
	}

	private static String roleName(String role) {
		return role == null ? "" : role.equals("HOST") ? "（主办）" : role.equals("PARTICIPANT") ? "（参与）" : "（" + role + "）";
	}

	static String termName(List<Term> terms, String code) {
		return terms.stream().filter(t -> t.code().equals(code)).map(Term::name).findFirst().orElse(code == null ? "" : code);
	}

	static String attr(Act act, String key) {
		return act.attributes().get(key).orElse(null);
	}

	static LocalDate later(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}
}
