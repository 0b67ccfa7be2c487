package org.baosong.profile;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.baosong.common.ConfigurationError;

/**
 * The checks of a profile's scoring section that bean validation cannot make: every code a rule names
 * must be one the profile defines (journals, placement kinds, instruction levels, upper offices, marks,
 * penalties, report types, assessed periods), and rule ids must be unique. Each error names the key.
 */
final class ScoringRulesCheck {

	private static final String ROOT = "profile.";

	private final JurisdictionProfile profile;

	private final String file;

	private ScoringRulesCheck(JurisdictionProfile profile, String file) {
		this.profile = profile;
		this.file = file;
	}

	static void check(JurisdictionProfile profile, String file) {
		new ScoringRulesCheck(profile, file).run();
	}

	private void run() {
		ScoringRules scoring = profile.scoring();
		EditorialTerms terms = profile.editorial();
		uniqueCodes("scoring.journals", scoring.journals().stream().map(ScoringRules.JournalName::code).toList());
		var placements = scoring.placements().rules();
		uniqueCodes("scoring.placements.rules", placements.stream().map(ScoringRules.PlacementRule::id).toList(), "id");
		for (int i = 0; i < placements.size(); i++) {
			var rule = placements.get(i);
			String key = "scoring.placements.rules[" + i + "]";
			var journal = journal(key + ".journal", rule.journal());
			if (rule.placement() != null && !journal.placements().isEmpty() && !journal.placements().contains(rule.placement())) {
				fail(key + ".placement", "'" + rule.placement() + "' is not a placement of " + journal.code() + " " + journal.placements());
			}
		}
		var instructions = scoring.instructions().rules();
		uniqueCodes("scoring.instructions.rules", instructions.stream().map(ScoringRules.InstructionRule::id).toList(), "id");
		for (int i = 0; i < instructions.size(); i++) {
			var rule = instructions.get(i);
			String key = "scoring.instructions.rules[" + i + "]";
			known(key + ".level", rule.level(), codes(terms.instructionLevels()), "editorial.instruction-levels");
			for (int j = 0; j < rule.journals().size(); j++) {
				journal(key + ".journals[" + j + "]", rule.journals().get(j));
			}
		}
		var upstream = scoring.upstream();
		uniqueCodes("scoring.upstream.rules", upstream.rules().stream().map(ScoringRules.UpstreamRule::id).toList(), "id");
		if (upstream.requiresJournal() != null) {
			journal("scoring.upstream.requires-journal", upstream.requiresJournal());
		}
		for (int i = 0; i < upstream.rules().size(); i++) {
			var rule = upstream.rules().get(i);
			String key = "scoring.upstream.rules[" + i + "]";
			if (rule.level() != null) {
				known(key + ".level", rule.level(), codes(terms.upstreamLevels()), "editorial.upstream-levels");
			}
			if (rule.instructionLevel() != null) {
				known(key + ".instruction-level", rule.instructionLevel(), codes(terms.instructionLevels()), "editorial.instruction-levels");
			}
		}
		if (upstream.withPlacements() && upstream.instructionRules()) {
			fail("scoring.upstream.with-placements", "upper adoptions counted with placements cannot also count instructions (instruction-level)");
		}
		uniqueCodes("scoring.marks", scoring.marks().stream().map(ScoringRules.CodePoints::code).toList());
		for (int i = 0; i < scoring.marks().size(); i++) {
			known("scoring.marks[" + i + "].code", scoring.marks().get(i).code(), codes(terms.marks()), "editorial.marks");
		}
		uniqueCodes("scoring.penalties", scoring.penalties().stream().map(ScoringRules.CodePoints::code).toList());
		for (int i = 0; i < scoring.penalties().size(); i++) {
			known("scoring.penalties[" + i + "].code", scoring.penalties().get(i).code(), codes(terms.penalties()), "editorial.penalties");
		}
		checkPeriods();
	}

	private void checkPeriods() {
		ScoringRules scoring = profile.scoring();
		List<PeriodKind> assessed = profile.calendar().periods();
		for (int s = 0; s < profile.sequences().size(); s++) {
			var targets = profile.sequences().get(s).targets();
			for (int t = 0; t < targets.size(); t++) {
				var target = targets.get(t);
				String key = "sequences[" + s + "].targets[" + t + "]";
				if (target.period() == PeriodKind.WEEK) {
					if (target.score() != null) {
						fail(key + ".period", "weekly targets can only be quantities (weeks are checked when the period holding them closes)");
					}
				}
				else {
					assessedPeriod(key + ".period", target.period());
				}
				if (target.reportType() != null && !profile.subject().types().contains(target.reportType())) {
					fail(key + ".report-type", "'" + target.reportType() + "' is not one of subject.types " + profile.subject().types());
				}
			}
		}
		if (scoring.base() != null) {
			assessedPeriod("scoring.base.period", scoring.base().period());
		}
		if (scoring.normalisation() != null) {
			assessedPeriod("scoring.normalisation.period", scoring.normalisation().period());
		}
		var alerts = scoring.alerts();
		if (alerts.consecutiveMissed() != null) {
			assessedPeriod("scoring.alerts.consecutive-missed.period", alerts.consecutiveMissed().period());
		}
		if (alerts.zeroAdoption() != null) {
			assessedPeriod("scoring.alerts.zero-adoption.period", alerts.zeroAdoption().period());
		}
		if (alerts.allMet() != null) {
			assessedPeriod("scoring.alerts.all-met.period", alerts.allMet().period());
			assessedPeriod("scoring.alerts.all-met.of", alerts.allMet().of());
			if (alerts.allMet().of().compareTo(alerts.allMet().period()) >= 0) {
				fail("scoring.alerts.all-met.of", "must be a shorter period than " + alerts.allMet().period());
			}
		}
		boolean weekly = profile.sequences().stream().flatMap(s -> s.targets().stream()).anyMatch(t -> t.period() == PeriodKind.WEEK);
		if (weekly && assessed.stream().allMatch(k -> k == PeriodKind.WEEK)) {
			fail("calendar.periods", "weekly targets need a longer assessed period to be checked in");
		}
	}

	private void assessedPeriod(String key, PeriodKind kind) {
		if (!profile.calendar().periods().contains(kind)) {
			fail(key, kind + " is not one of the assessed periods (calendar.periods " + profile.calendar().periods() + ")");
		}
	}

	private ScoringRules.JournalName journal(String key, String code) {
		return profile.scoring().journal(code).orElseThrow(() -> error(key, "'" + code + "' is not one of scoring.journals ("
				+ profile.scoring().journals().stream().map(ScoringRules.JournalName::code).collect(Collectors.joining(", ")) + ")"));
	}

	private void known(String key, String code, Set<String> codes, String where) {
		if (!codes.contains(code)) {
			fail(key, "'" + code + "' is not one of " + where + " " + codes.stream().sorted().toList());
		}
	}

	private static Set<String> codes(Collection<Term> terms) {
		return terms.stream().map(Term::code).collect(Collectors.toSet());
	}

	private void uniqueCodes(String key, List<String> codes) {
		uniqueCodes(key, codes, "code");
	}

	private void uniqueCodes(String key, List<String> codes, String field) {
		var seen = new HashSet<String>();
		for (int i = 0; i < codes.size(); i++) {
			if (!seen.add(codes.get(i))) {
				fail(key + "[" + i + "]." + field, "'" + codes.get(i) + "' appears twice in " + file);
			}
		}
	}

	private void fail(String key, String problem) {
		throw error(key, problem);
	}

	private ConfigurationError error(String key, String problem) {
		return new ConfigurationError(ROOT + key, problem + " (" + file + ")");
	}
}
