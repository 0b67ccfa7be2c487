package org.baosong.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.baosong.common.ConfigurationError;

class ProfileLoaderTest {

	private final ProfileLoader loader = new ProfileLoader(Validation.buildDefaultValidatorFactory().getValidator());

	@TempDir
	Path dir;

	@Test
	void loadsTheShippedGuangzhouProfile() {
		var profiles = loader.loadAll(Path.of("config/profiles"));
		JurisdictionProfile gz = profiles.get("guangzhou-2005");

		assertThat(gz.trackingPrefix()).isEqualTo("GZ");
		assertThat(gz.calendar().yearStartDay()).isEqualTo(MonthDay.of(12, 1));
		assertThat(gz.sequences()).extracting(Sequence::code).containsExactly("district", "dept-a", "dept-b", "direct-a", "direct-b");
		Sequence district = gz.sequence("district").orElseThrow();
		assertThat(district.targets()).extracting(Target::period, Target::score)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(PeriodKind.QUARTER, new BigDecimal("18")),
					org.assertj.core.groups.Tuple.tuple(PeriodKind.YEAR, new BigDecimal("72")));
		assertThat(gz.sequence("dept-b").orElseThrow().targets().get(0).score()).isEqualByComparingTo("12");
		assertThat(gz.sequence("direct-a").orElseThrow().parentCredit()).isEqualByComparingTo("0.5");
		assertThat(gz.sequence("direct-b").orElseThrow().targets()).singleElement()
			.satisfies(t -> assertThat(t.score()).isEqualByComparingTo("6"));
		assertThat(district.parentCredit()).isEqualByComparingTo("0");
		assertThat(gz.subject().types()).contains("动态", "要情", "专报");
		assertThat(gz.rules().signatureBlockRequired()).isTrue();
		assertThat(gz.editorial().upstreamLevels()).extracting(Term::code).containsExactly("state-council", "province");
		assertThat(gz.editorial().instructionLevel("city-leader")).map(Term::name).contains("市领导批示");
		assertThat(gz.editorial().penalty("upper-criticism")).isPresent();
		assertThat(gz.editorial().feedbackDays()).isEqualTo(30);
	}

	@Test
	void editorialTermsDefaultToNoneAndTheirCodesAreUnique() throws IOException {
		assertThat(loader.load(write("plain", minimal("plain", ""))).editorial())
			.satisfies(e -> assertThat(e.marks()).isEmpty())
			.satisfies(e -> assertThat(e.feedbackDays()).isEqualTo(30));

		Path dup = write("marks", minimal("marks", """
				  editorial:
				    marks:
				      - { code: excellent, name: 优秀信息 }
				      - { code: excellent, name: 好信息 }
				"""));
		assertThatThrownBy(() -> loader.load(dup)).isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("profile.editorial.marks[1].code").hasMessageContaining("appears twice");

		Path badCode = write("bad", minimal("bad", """
				  editorial:
				    penalties:
				      - { code: 批评, name: 批评 }
				"""));
		assertThatThrownBy(() -> loader.load(badCode)).isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("profile.editorial.penalties[0].code");
	}

	@Test
	void theAssessmentYearIsNamedByTheYearItEndsIn() {
		var calendar = new AssessmentCalendar("12-01", java.util.List.of(PeriodKind.QUARTER));
		assertThat(calendar.assessmentYear(LocalDate.of(2025, 12, 1))).isEqualTo(2026);
		assertThat(calendar.assessmentYear(LocalDate.of(2025, 11, 30))).isEqualTo(2025);
		assertThat(calendar.assessmentYear(LocalDate.of(2026, 2, 28))).isEqualTo(2026);
		var january = new AssessmentCalendar("01-01", java.util.List.of(PeriodKind.YEAR));
		assertThat(january.assessmentYear(LocalDate.of(2026, 12, 31))).isEqualTo(2026);
	}

	@Test
	void periodKeysFollowTheAssessmentCalendar() {
		var guangzhou = new AssessmentCalendar("12-01", java.util.List.of(PeriodKind.QUARTER, PeriodKind.YEAR));
		var q1 = guangzhou.periods(LocalDate.of(2025, 12, 1));
		assertThat(q1.year()).isEqualTo("2026");
		assertThat(q1.quarter()).isEqualTo("2026-Q1");
		assertThat(q1.half()).isEqualTo("2026-H1");
		assertThat(q1.month()).isEqualTo("2025-12");
		assertThat(guangzhou.periods(LocalDate.of(2026, 2, 28)).quarter()).isEqualTo("2026-Q1");
		assertThat(guangzhou.periods(LocalDate.of(2026, 3, 1)).quarter()).isEqualTo("2026-Q2");
		assertThat(guangzhou.periods(LocalDate.of(2026, 11, 30)).quarter()).isEqualTo("2026-Q4");
		assertThat(guangzhou.periods(LocalDate.of(2026, 6, 1)).half()).isEqualTo("2026-H2");
		var calendarYear = new AssessmentCalendar("01-01", java.util.List.of(PeriodKind.MONTH));
		assertThat(calendarYear.periods(LocalDate.of(2026, 4, 1)).quarter()).isEqualTo("2026-Q2");
		assertThat(calendarYear.periods(LocalDate.of(2026, 1, 1)).week()).isEqualTo("2026-W01");
	}

	@Test
	void defaultsAreTheSpecsWhenAProfileLeavesThemOut() throws IOException {
		var profile = loader.load(write("minimal", minimal("minimal", "")));
		assertThat(profile.subject().titleLength().min()).isEqualTo(6);
		assertThat(profile.subject().titleLength().max()).isEqualTo(80);
		assertThat(profile.subject().dateWindow().daysBefore()).isEqualTo(7);
		assertThat(profile.subject().required()).hasSize(6);
		assertThat(profile.rules().maxPhotos()).isEqualTo(9);
		assertThat(profile.rules().duplicateWindowDays()).isEqualTo(90);
	}

	@Test
	void anUnknownKeyIsRefusedWithItsNameAndLine() throws IOException {
		Path file = write("typo", minimal("typo", """
				  subject:
				    titel-length: { min: 6, max: 80 }
				"""));
		assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("profile.subject.titel-length")
			.hasMessageContaining("unknown key")
			.hasMessageContaining("typo.yml");
	}

	@Test
	void aWrongValueIsRefusedWithItsKey() throws IOException {
		Path badEnum = write("badkind", minimal("badkind", "").replace("kind: DISTRICT", "kind: COUNTY"));
		assertThatThrownBy(() -> loader.load(badEnum)).isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("profile.sequences[0].kind");

		Path badBounds = write("bounds", minimal("bounds", """
				  subject:
				    title-length: { min: 90, max: 80 }
				"""));
		assertThatThrownBy(() -> loader.load(badBounds)).isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("profile.subject.title-length")
			.hasMessageContaining("min must not be greater than max");

		Path badType = write("deftype", minimal("deftype", """
				  subject:
				    default-type: 快讯
				"""));
		assertThatThrownBy(() -> loader.load(badType)).isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("default-type must be one of types");
	}

	@Test
	void theIdMustBeTheFileNameAndSequenceCodesUnique() throws IOException {
		Path mismatch = write("one", minimal("other", ""));
		assertThatThrownBy(() -> loader.load(mismatch)).isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("profile.id").hasMessageContaining("one.yml");

		String twice = minimal("twice", "").replace("  subject-placeholder: x\n", "") + "";
		twice = twice.replace("""
				    - code: county
				""", """
				    - code: county
				      name: 甲
				      kind: DISTRICT
				    - code: county
				""");
		Path dup = write("twice", twice);
		assertThatThrownBy(() -> loader.load(dup)).isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("profile.sequences[1].code").hasMessageContaining("twice");
	}

	@Test
	void aTargetNeedsAScoreOrAQuantity() throws IOException {
		Path file = write("target", minimal("target", "").replace("kind: DISTRICT", """
				kind: DISTRICT
				      targets:
				        - { period: MONTH }"""));
		assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("a target needs a score, a quantity or both");
	}

	private Path write(String id, String text) throws IOException {
		Path file = dir.resolve(id + ".yml");
		Files.writeString(file, text);
		return file;
	}

	private static String minimal(String id, String extra) {
		return """
				profile:
				  id: %s
				  name: 测试辖区
				  office: 测试办公室
				  tracking-prefix: TS
				  calendar:
				    year-start: 01-01
				    periods: [MONTH]
				  sequences:
				    - code: county
				      name: 县
				      kind: DISTRICT
				%s""".formatted(id, extra);
	}
}
