package org.baosong.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.baosong.common.ConfigurationError;

/**
 * The scoring section is checked at start-up like the rest of a profile: every code a rule names must be one the
 * profile defines, and each error names the key. Each case is the shipped Guangzhou profile with one mistake.
 */
class ScoringRulesValidationTest {

	private final ProfileLoader loader = new ProfileLoader(Validation.buildDefaultValidatorFactory().getValidator());

	@TempDir
	Path dir;

	private String shipped(String id) throws IOException {
		return Files.readString(Path.of("config/profiles", id + ".yml"));
	}

	private ConfigurationError failure(String id, String from, String to) throws IOException {
		String text = shipped(id);
		assertThat(text).as("the shipped profile has the text to change").contains(from);
		Path file = dir.resolve(id + ".yml");
		Files.writeString(file, text.replace(from, to));
		return (ConfigurationError) org.assertj.core.api.Assertions.catchThrowable(() -> loader.load(file));
	}

	@Test
	void allFourShippedProfilesLoad() {
		var profiles = loader.loadAll(Path.of("config/profiles"));
		assertThat(profiles).containsOnlyKeys("guangzhou-2005", "yinchuan-2018", "changchun-2012", "gannan-2008");
		var yc = profiles.get("yinchuan-2018");
		assertThat(yc.scoring().placements().sameItem()).isEqualTo(ScoringRules.SameItem.HIGHEST);
		assertThat(yc.scoring().upstream().withPlacements()).isTrue();
		assertThat(yc.sequence("county").orElseThrow().targets()).singleElement()
			.satisfies(t -> assertThat(t.basePoints()).isEqualByComparingTo("10"));
		var cc = profiles.get("changchun-2012");
		assertThat(cc.calendar().assessed(LocalDate.of(2026, 11, 30))).isTrue();
		assertThat(cc.calendar().assessed(LocalDate.of(2026, 12, 1))).isFalse();
		assertThat(cc.scoring().base().points()).isEqualByComparingTo("80");
		assertThat(cc.scoring().normalisation().scale()).isEqualByComparingTo(new BigDecimal("100"));
		assertThat(profiles.get("gannan-2008").scoring().placements().rules()).isEmpty();
		assertThat(profiles.get("guangzhou-2005").scoring().upstream().cap()).isEqualByComparingTo("30");
	}

	@Test
	void aPlacementRuleMustNameAJournalOfTheProfileAndOneOfItsPlacements() throws IOException {
		var journal = failure("guangzhou-2005", "{ id: sfyq, journal: SFYQ, points: 5 }", "{ id: sfyq, journal: SFYX, points: 5 }");
		assertThat(journal.key()).isEqualTo("profile.scoring.placements.rules[2].journal");
		assertThat(journal.getMessage()).contains("'SFYX' is not one of scoring.journals (SFXX, SFYQ, SWCY, SFDY, SFZB)");

		var placement = failure("guangzhou-2005", "placement: 短波信息, points: 1", "placement: 短讯, points: 1");
		assertThat(placement.key()).isEqualTo("profile.scoring.placements.rules[1].placement");
		assertThat(placement.getMessage()).contains("'短讯' is not a placement of SFXX");
	}

	@Test
	void instructionAndUpperLevelsMarksAndPenaltiesMustBeTheEditorialTermsOfTheProfile() throws IOException {
		assertThat(failure("guangzhou-2005", "level: city-leader, journals: [SFXX]", "level: mayor, journals: [SFXX]").key())
			.isEqualTo("profile.scoring.instructions.rules[0].level");
		assertThat(failure("guangzhou-2005", "{ id: province, level: province,", "{ id: province, level: provincial,").key())
			.isEqualTo("profile.scoring.upstream.rules[0].level");
		assertThat(failure("guangzhou-2005", "instruction-level: province, points: 15", "instruction-level: governor, points: 15").key())
			.isEqualTo("profile.scoring.upstream.rules[2].instruction-level");
		assertThat(failure("guangzhou-2005", "{ code: upper-criticism, points: -10 }", "{ code: criticism, points: -10 }").key())
			.isEqualTo("profile.scoring.penalties[0].code");
		assertThat(failure("yinchuan-2018", "{ code: excellent, points: 2 }", "{ code: outstanding, points: 2 }").getMessage())
			.contains("profile.scoring.marks[0].code").contains("'outstanding' is not one of editorial.marks [excellent]");
	}

	@Test
	void anUpstreamRuleNamesAnUpperOfficeOrAnInstructionLevelNotBoth() throws IOException {
		var both = failure("guangzhou-2005", "{ id: province-instruction, instruction-level: province, points: 15 }",
				"{ id: province-instruction, level: province, instruction-level: province, points: 15 }");
		assertThat(both.key()).isEqualTo("profile.scoring.upstream.rules[2]");
		assertThat(both.getMessage()).contains("either level (with-instruction optional) or instruction-level");
	}

	@Test
	void ruleIdsAreUniqueAndMisspeltKeysAreNamed() throws IOException {
		var twice = failure("guangzhou-2005", "{ id: sfxx-short, journal: SFXX", "{ id: sfxx-title, journal: SFXX");
		assertThat(twice.key()).isEqualTo("profile.scoring.placements.rules[1].id");
		assertThat(twice.getMessage()).contains("appears twice");

		var typo = failure("guangzhou-2005", "{ id: sfyq, journal: SFYQ, points: 5 }", "{ id: sfyq, journal: SFYQ, pionts: 5 }");
		assertThat(typo.key()).isEqualTo("profile.scoring.placements.rules[2].pionts");
		assertThat(typo.getMessage()).contains("unknown key");

		var missing = failure("guangzhou-2005", "    commissions:\n      answered: 2", "    commissions:\n      answerd: 2");
		assertThat(missing.key()).isEqualTo("profile.scoring.commissions.answerd");
	}

	@Test
	void targetsMustUseAssessedPeriodsAndKnownReportTypes() throws IOException {
		var period = failure("guangzhou-2005", "- { period: QUARTER, score: 18 }\n        - { period: YEAR, score: 72 }\n    # 四(一)2 工作部门序列A类",
				"- { period: MONTH, score: 18 }\n        - { period: YEAR, score: 72 }\n    # 四(一)2 工作部门序列A类");
		assertThat(period.key()).isEqualTo("profile.sequences[0].targets[0].period");
		assertThat(period.getMessage()).contains("MONTH is not one of the assessed periods");

		var type = failure("changchun-2012", "report-type: 调研, points-per-missing: -5, points-per-extra: 5 }\n    - code: unit",
				"report-type: 研究, points-per-missing: -5, points-per-extra: 5 }\n    - code: unit");
		assertThat(type.key()).isEqualTo("profile.sequences[0].targets[1].report-type");

		var weeklyScore = failure("changchun-2012", "- { period: WEEK, quantity: 1, points-per-missing: -2 }\n        - { period: QUARTER",
				"- { period: WEEK, score: 1 }\n        - { period: QUARTER");
		assertThat(weeklyScore.key()).isEqualTo("profile.sequences[1].targets[0].period");

		var consequence = failure("guangzhou-2005", "- { period: YEAR, score: 6 }", "- { period: YEAR, score: 6, points-per-missing: -1 }");
		assertThat(consequence.getMessage()).contains("points-per-missing and points-per-extra need a quantity");
	}

	@Test
	void aYearEndMustLieInsideTheYearAndNormalisationOnAnAssessedPeriod() throws IOException {
		assertThat(failure("changchun-2012", "year-end: 11-30", "year-end: 01-01").getMessage())
			.contains("year-end must fall before the next year-start");
		assertThat(failure("changchun-2012", "year-end: 11-30", "year-end: 11-31").getMessage())
			.contains("profile.calendar year-start and year-end must be days of the year");
		assertThat(failure("changchun-2012", "      period: YEAR    # 三 各部门最终得分", "      period: HALF    # 三 各部门最终得分").key())
			.isEqualTo("profile.scoring.normalisation.period");
	}
}
