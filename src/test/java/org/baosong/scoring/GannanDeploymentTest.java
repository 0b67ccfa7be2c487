package org.baosong.scoring;

import static org.assertj.core.api.Assertions.assertThat;

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
 * An office that runs Baosong for 甘南州 (jurisdiction {@code gannan-2008}: monthly quotas and flags, no
 * points, ADR 0021) closes the months and the first quarter of 2025 and publishes the quarter's bulletin: who
 * reached 每月不能少于十五条 / 十条 / 三条, month by month, as the ledger's close lines say.
 */
@GatewayTest(properties = { "baosong.demo.enabled=false", "baosong.profiles.jurisdiction=gannan-2008" })
class GannanDeploymentTest extends DeploymentTestBase {

	static final String GN = "gannan-2008";

	static final String UNITS = """
			代码,单位名称,简称,别名,序列,上级单位,排序,状态
			GN01,合作市人民政府,合作市,,county,,1,在用
			GN02,夏河县人民政府,夏河县,,county,,2,在用
			GN11,甘南州发展和改革委员会,州发改委,,department,,11,在用
			GN21,那吾镇,那吾镇,,direct,GN01,21,在用
			""";

	static final String INFORMANTS = """
			序号,单位,姓名,职务,联系电话,电子邮箱,登记日期,状态,备注
			1,合作市,卓玛,信息员,13800000021,hzs@gannan.test,2025-01-02,在用,
			2,夏河县,才让,信息员,13800000022,xhx@gannan.test,2025-01-02,在用,
			3,州发改委,马丽,信息员,13800000023,fgw@gannan.test,2025-01-02,在用,
			4,那吾镇,拉姆,信息员,13800000024,nwz@gannan.test,2025-01-02,在用,
			""";

	@Test
	void anOfficeClosesItsMonthsAndPublishesTheQuartersBulletin() {
		assertThat(registry.importCsv(UNITS.getBytes(StandardCharsets.UTF_8), INFORMANTS.getBytes(StandardCharsets.UTF_8))
			.informantsAdded()).isEqualTo(4);
		var f = ScoringFixtures.of(context, GN);
		long hezuo = f.unit("GN01");
		long xiahe = f.unit("GN02");
		long reform = f.unit("GN11");
		long nawu = f.unit("GN21");
		for (int month = 1; month <= 3; month++) {
			submit(f, "GN01", 15, LocalDate.of(2025, month, 10)); // 合作市: fifteen every month
			submit(f, "GN11", month == 2 ? 9 : 10, LocalDate.of(2025, month, 12)); // 州发改委: one short in February
			submit(f, "GN21", 3, LocalDate.of(2025, month, 14)); // 那吾镇: three every month
		}
		submit(f, "GN02", 14, LocalDate.of(2025, 1, 20)); // 夏河县: fourteen in January, then nothing
		for (String month : List.of("2025-01", "2025-02", "2025-03")) {
			closes.close(GN, new PeriodRef(PeriodKind.MONTH, month), "admin1", false);
		}
		closes.close(GN, Q1, "admin1", false);

		// no points anywhere: quotas and flags only
		scores.totals(GN, Q1).values().forEach(t -> assertThat(t.points()).isZero());
		var missedMonths = new java.util.HashMap<Long, List<String>>();
		for (String month : List.of("2025-01", "2025-02", "2025-03")) {
			var ref = new PeriodRef(PeriodKind.MONTH, month);
			scores.alerts(GN, ref).stream().filter(a -> a.kind().equals("MISSED_TARGET"))
				.forEach(a -> missedMonths.computeIfAbsent(a.unitId(), k -> new java.util.ArrayList<>()).add(month));
		}
		assertThat(missedMonths).containsOnlyKeys(xiahe, reform);
		assertThat(missedMonths.get(xiahe)).containsExactly("2025-01", "2025-02", "2025-03");
		assertThat(missedMonths.get(reform)).containsExactly("2025-02");
		assertThat(scores.alerts(GN, new PeriodRef(PeriodKind.MONTH, "2025-02"))).filteredOn(a -> a.unitId() == reform).singleElement()
			.satisfies(a -> assertThat(a.text()).contains("第二十一条(四)"));

		long id = bulletins.generate(new Bulletins.Request(GN, "QUARTER", "2025-Q1", null), "editor1");
		assertThat(BulletinTestData.generated(bulletins, id).state()).isEqualTo(Bulletin.DRAFT);
		var content = bulletins.content(id).orElseThrow();
		assertThat(content.sequences()).extracting(BulletinContent.SequenceTable::code).contains("county", "department", "direct");
		var rows = content.sequences().stream().flatMap(s -> s.rows().stream()).toList();
		assertThat(rows).extracting(BulletinContent.UnitRow::unitId, BulletinContent.UnitRow::accepted).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple(hezuo, 45L), org.assertj.core.groups.Tuple.tuple(xiahe, 14L),
				org.assertj.core.groups.Tuple.tuple(reform, 29L), org.assertj.core.groups.Tuple.tuple(nawu, 9L));
		var totals = scores.totals(GN, Q1);
		assertThat(rows).allSatisfy(r -> assertThat(r.accepted()).as(r.unitName()).isEqualTo(totals.get(r.unitId()).submissions()));

		var published = bulletins.publish(id, "admin");
		assertThat(published.bulletin().state()).isEqualTo(Bulletin.PUBLISHED);
		assertThat(published.mails()).isEqualTo(4);
		assertThat(bulletins.xlsx(id)).isPresent();
		assertThat(context.getBean(Recompute.class).check(GN, null).identical()).isTrue();
	}

	private static void submit(ScoringFixtures f, String unit, int count, LocalDate day) {
		for (int i = 0; i < count; i++) {
			f.submission(unit, "动态", day);
		}
	}
}
