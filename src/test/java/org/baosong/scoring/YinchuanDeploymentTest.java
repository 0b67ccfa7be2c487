package org.baosong.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.baosong.profile.PeriodKind;
import org.baosong.profile.ProfileCatalog;
import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;

/**
 * An office that runs Baosong for Yinchuan (jurisdiction {@code yinchuan-2018}, its own registry): quarterly
 * quotas with base 10 at the quarter's close, the ranking, the alerts of 第九条 (two missed quarters, zero adoption
 * in the year), and the close job that closes what is due by the injected clock, each once.
 */
@GatewayTest(properties = { "baosong.demo.enabled=false", "baosong.profiles.jurisdiction=yinchuan-2018" })
class YinchuanDeploymentTest extends DeploymentTestBase {

	static final String YC = "yinchuan-2018";

	static final String UNITS = """
			代码,单位名称,简称,别名,序列,上级单位,排序,状态
			YC01,兴庆区人民政府,兴庆区,,county,,1,在用
			YC02,金凤区人民政府,金凤区,,county,,2,在用
			YC03,西夏区人民政府,西夏区,,county,,3,在用
			YC11,银川市发展和改革委员会,市发改委,,department,,11,在用
			""";

	static final String INFORMANTS = """
			序号,单位,姓名,职务,联系电话,电子邮箱,登记日期,状态,备注
			1,兴庆区,马兰,信息员,13800000031,xqq@yinchuan.test,2025-01-02,在用,
			2,金凤区,杨帆,信息员,13800000032,jfq@yinchuan.test,2025-01-02,在用,
			3,西夏区,王磊,信息员,13800000033,xxq@yinchuan.test,2025-01-02,在用,
			4,市发改委,李娜,信息员,13800000034,fgw@yinchuan.test,2025-01-02,在用,
			""";

	@Autowired
	ProfileCatalog profiles;

	@Autowired
	ScoringProperties properties;

	@Autowired
	TaskScheduler scheduler;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anOfficeClosesItsQuartersAndSeesQuotasRanksAndAlerts() {
		registry.importCsv(UNITS.getBytes(StandardCharsets.UTF_8), INFORMANTS.getBytes(StandardCharsets.UTF_8));
		var f = ScoringFixtures.of(context, YC);
		long xingqing = f.unit("YC01");
		long jinfeng = f.unit("YC02");
		long xixia = f.unit("YC03");
		long reform = f.unit("YC11");
		submit(f, "YC01", 90, LocalDate.of(2025, 2, 3));
		submit(f, "YC02", 10, LocalDate.of(2025, 2, 3));
		submit(f, "YC03", 95, LocalDate.of(2025, 3, 3));
		submit(f, "YC11", 40, LocalDate.of(2025, 1, 6));
		submit(f, "YC02", 5, LocalDate.of(2025, 5, 6));
		submit(f, "YC03", 90, LocalDate.of(2025, 6, 30));
		long item = f.submission("YC03", "动态", LocalDate.of(2025, 5, 6));
		f.adopted(item, LocalDate.of(2025, 5, 8), "YCXX", "信息", null);

		var q1 = new PeriodRef(PeriodKind.QUARTER, "2025-Q1");
		var q2 = new PeriodRef(PeriodKind.QUARTER, "2025-Q2");
		assertThatThrownBy(() -> closes.close(YC, new PeriodRef(PeriodKind.YEAR, "2025"), "admin1", false))
			.isInstanceOf(PeriodCloses.Refused.class).hasMessageContaining("close first: 2025年度第1季度");
		closes.close(YC, q1, "admin1", false);
		closes.close(YC, q2, "admin1", false);

		assertThat(f.pointLines(scores, xingqing, q1)).singleElement()
			.satisfies(l -> assertThat(l.explanation()).isEqualTo("2025年度第1季度报送信息 90 条（指标 90 条）：完成，基础分 +10"));
		var standings = scores.standings(YC, q2);
		assertThat(standings).extracting(Standing::unitId, Standing::rank).containsExactly(
				org.assertj.core.groups.Tuple.tuple(xixia, 1), org.assertj.core.groups.Tuple.tuple(xingqing, 2),
				org.assertj.core.groups.Tuple.tuple(jinfeng, 2), org.assertj.core.groups.Tuple.tuple(reform, 1));
		assertThat(standings.get(0).points()).isEqualByComparingTo("13");
		assertThat(standings.get(2).targets()).singleElement().satisfies(t -> {
			assertThat(t.measure()).isEqualTo("QUANTITY");
			assertThat(t.actual()).isEqualByComparingTo("5");
			assertThat(t.completion()).isEqualByComparingTo("5.6");
		});
		var alerts = scores.alerts(YC, q2);
		assertThat(alerts).filteredOn(a -> a.kind().equals("CONSECUTIVE_MISSED")).extracting(Alert::unitId).containsExactly(jinfeng);
		assertThat(alerts).filteredOn(a -> a.kind().equals("MISSED_TARGET")).extracting(Alert::unitId)
			.containsExactlyInAnyOrder(xingqing, jinfeng, reform);

		// the job, on 10 January 2026, closes the rest of 2025 in order: Q3, Q4, then the year
		var job = new PeriodCloseJob(closes, profiles, properties, scheduler,
				Clock.fixed(Instant.parse("2026-01-10T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
		assertThat(job.closeDue()).isEqualTo(3);
		assertThat(job.closeDue()).as("each period once").isZero();
		assertThat(closes.closes(YC)).extracting(PeriodClose::periodKey).containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025");
		assertThat(jdbc.queryForList("SELECT actor FROM audit_log WHERE action = 'PERIOD_CLOSED' ORDER BY id", String.class))
			.containsExactly("admin1", "admin1", "system", "system", "system");
		var year = scores.alerts(YC, new PeriodRef(PeriodKind.YEAR, "2025"));
		assertThat(year).filteredOn(a -> a.kind().equals("ZERO_ADOPTION")).extracting(Alert::unitId)
			.containsExactlyInAnyOrder(xingqing, jinfeng, reform);
		assertThat(scores.totals(YC, new PeriodRef(PeriodKind.YEAR, "2025")).get(xixia).points()).isEqualByComparingTo("23");
		assertThat(context.getBean(Recompute.class).check(YC, null).identical()).isTrue();

		// the office publishes the second quarter's bulletin: its table is the standings, and every unit's informant gets it
		long id = bulletins.generate(new org.baosong.bulletins.Bulletins.Request(YC, "QUARTER", "2025-Q2", null), "editor1");
		assertThat(org.baosong.bulletins.BulletinTestData.generated(bulletins, id).state()).isEqualTo(org.baosong.bulletins.Bulletin.DRAFT);
		var rows = bulletins.content(id).orElseThrow().sequences().stream().flatMap(t -> t.rows().stream()).toList();
		assertThat(rows).extracting(r -> r.unitId(), r -> r.points().stripTrailingZeros(), r -> r.rank())
			.containsExactlyInAnyOrderElementsOf(standings.stream()
				.map(st -> org.assertj.core.groups.Tuple.tuple(st.unitId(), st.points().stripTrailingZeros(), st.rank())).toList());
		var published = bulletins.publish(id, "admin");
		assertThat(published.bulletin().state()).isEqualTo(org.baosong.bulletins.Bulletin.PUBLISHED);
		assertThat(published.mails()).isEqualTo(4);
	}

	private static void submit(ScoringFixtures f, String unit, int count, LocalDate day) {
		for (int i = 0; i < count; i++) {
			f.submission(unit, "动态", day);
		}
	}
}
