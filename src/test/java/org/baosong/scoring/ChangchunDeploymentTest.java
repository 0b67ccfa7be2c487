package org.baosong.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.baosong.bulletins.Bulletin;
import org.baosong.bulletins.BulletinContent;
import org.baosong.bulletins.BulletinTestData;
import org.baosong.bulletins.Bulletins;
import org.baosong.profile.PeriodKind;
import org.baosong.testsupport.GatewayTest;

/**
 * An office that runs Baosong for 长春高新区 (jurisdiction {@code changchun-2012}, its own registry) closes the
 * months and the first quarter of 2025 and publishes the quarter's bulletin: the weekly quota (−2 for each
 * week without a report, judged at each month's close), the quarterly 调研 quota (−5 short, +5 for each one
 * over), adoptions in 高新信息 — and every figure of the published bulletin is the ledger's.
 */
@GatewayTest(properties = { "baosong.demo.enabled=false", "baosong.profiles.jurisdiction=changchun-2012" })
class ChangchunDeploymentTest extends DeploymentTestBase {

	static final String CC = "changchun-2012";

	static final String UNITS = """
			代码,单位名称,简称,别名,序列,上级单位,排序,状态
			CC01,长春高新区经济发展局,经济发展局,,department,,1,在用
			CC02,长春高新区科技创新局,科技创新局,,department,,2,在用
			CC11,长春高新区建设集团,建设集团,,unit,,11,在用
			""";

	static final String INFORMANTS = """
			序号,单位,姓名,职务,联系电话,电子邮箱,登记日期,状态,备注
			1,经济发展局,王静,信息员,13800000011,jfj@gaoxin.test,2025-01-02,在用,
			2,科技创新局,李强,信息员,13800000012,kcj@gaoxin.test,2025-01-02,在用,
			3,建设集团,赵敏,信息员,13800000013,jsjt@gaoxin.test,2025-01-02,在用,
			""";

	@Test
	void anOfficeClosesItsFirstQuarterAndPublishesTheBulletinTheLedgerExplains() {
		var imported = registry.importCsv(UNITS.getBytes(StandardCharsets.UTF_8), INFORMANTS.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.informantsAdded()).isEqualTo(3);
		var f = ScoringFixtures.of(context, CC);
		long economy = f.unit("CC01");
		long science = f.unit("CC02");
		long group = f.unit("CC11");
		// 经济发展局 reports every third day of the quarter (every week covered) and two research reports
		for (var day = LocalDate.of(2025, 1, 1); day.isBefore(LocalDate.of(2025, 4, 1)); day = day.plusDays(3)) {
			f.submission("CC01", "动态", day);
		}
		f.submission("CC01", "调研", LocalDate.of(2025, 2, 12));
		f.submission("CC01", "调研", LocalDate.of(2025, 3, 12));
		// 科技创新局 sends one report, adopted in 高新信息; 建设集团 one research report and nothing else
		long adopted = f.submission("CC02", "动态", LocalDate.of(2025, 1, 6));
		f.adopted(adopted, LocalDate.of(2025, 1, 8), "GXXX", "信息", null);
		f.submission("CC11", "调研", LocalDate.of(2025, 2, 20));

		assertThatThrownBy(() -> closes.close(CC, Q1, "admin1", false)).isInstanceOf(PeriodCloses.Refused.class)
			.hasMessageContaining("close first");
		for (String month : List.of("2025-01", "2025-02", "2025-03")) {
			closes.close(CC, new PeriodRef(PeriodKind.MONTH, month), "admin1", false);
		}
		closes.close(CC, Q1, "admin1", false);

		// one research report over the quota: +5, every week covered: nothing taken (the months' status lines say 0)
		assertThat(f.total(scores, economy, Q1)).isEqualByComparingTo("5");
		assertThat(f.pointLines(scores, economy, Q1)).filteredOn(l -> l.points().signum() != 0).singleElement()
			.satisfies(l -> assertThat(l.explanation()).contains("调研").contains("2 条"));
		assertThat(f.pointLines(scores, economy, Q1)).filteredOn(l -> l.ruleId().startsWith("target:department:0:"))
			.hasSize(3).allSatisfy(l -> assertThat(l.points()).isZero());
		// the research quota missed (−5), −2 for each week without a report, the adoption +2
		var scienceLines = f.pointLines(scores, science, Q1);
		var weekly = scienceLines.stream().filter(l -> l.ruleId().startsWith("target:department:0:") && l.points().signum() < 0).toList();
		BigDecimal weeklyPoints = weekly.stream().map(LedgerLine::points).reduce(BigDecimal.ZERO, BigDecimal::add);
		// 13 weeks are judged in the quarter's three months (5 + 4 + 4); the one report covers one of them
		assertThat(weeklyPoints).isEqualByComparingTo("-24");
		assertThat(scienceLines).filteredOn(l -> l.points().compareTo(new BigDecimal("-5")) == 0).singleElement()
			.satisfies(l -> assertThat(l.explanation()).contains("调研"));
		assertThat(scienceLines).filteredOn(l -> l.points().compareTo(new BigDecimal("2")) == 0).singleElement()
			.satisfies(l -> assertThat(l.explanation()).contains("高新信息"));
		assertThat(f.total(scores, science, Q1)).isEqualByComparingTo("-27");
		// 建设集团: its research quota met (the report covers one week too), twelve weeks without a report
		assertThat(f.total(scores, group, Q1)).isEqualByComparingTo("-24");

		long id = bulletins.generate(new Bulletins.Request(CC, "QUARTER", "2025-Q1", null), "editor1");
		assertThat(BulletinTestData.generated(bulletins, id).state()).isEqualTo(Bulletin.DRAFT);
		var content = bulletins.content(id).orElseThrow();
		assertThat(content.closed()).isTrue();
		assertThat(content.sequences()).extracting(BulletinContent.SequenceTable::code).containsExactly("department", "unit");
		var totals = scores.totals(CC, Q1);
		var rows = content.sequences().stream().flatMap(s -> s.rows().stream()).toList();
		assertThat(rows).hasSize(3).allSatisfy(r -> {
			assertThat(r.points()).as(r.unitName()).isEqualByComparingTo(totals.get(r.unitId()).points());
			assertThat(r.lines().stream().map(BulletinContent.Line::points).reduce(BigDecimal.ZERO, BigDecimal::add))
				.as(r.unitName() + ": the explanation adds up").isEqualByComparingTo(r.points());
		});
		assertThat(content.sequences().get(0).rows()).extracting(BulletinContent.UnitRow::unitId, BulletinContent.UnitRow::rank)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(economy, 1), org.assertj.core.groups.Tuple.tuple(science, 2));
		assertThat(rows).filteredOn(r -> r.unitId() == science).singleElement()
			.satisfies(r -> assertThat(r.adoptionsIn("GXXX")).isEqualTo(1));

		var published = bulletins.publish(id, "admin");
		assertThat(published.bulletin().state()).isEqualTo(Bulletin.PUBLISHED);
		assertThat(published.mails()).as("one mail per active informant").isEqualTo(3);
		assertThat(bulletins.xlsx(id)).isPresent();
		assertThat(bulletins.docx(id)).isPresent();
		assertThat(context.getBean(Recompute.class).check(CC, null).identical()).isTrue();
	}
}
