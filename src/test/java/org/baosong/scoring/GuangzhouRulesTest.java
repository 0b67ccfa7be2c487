package org.baosong.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.baosong.profile.PeriodKind;

/**
 * Scenarios of {@code guangzhou-2005} (穗府办〔2005〕61号 四(二), 四(三), 五), each rule through the engine and the
 * ledger logic: placements, the city-leader bonus (per item, host only), the 专报 bonus (highest value, capped at
 * 30, only for 专报 items), commissions, penalties, the 50% parent credit, the year that starts on 1 December,
 * the quarter and year targets at the close. Alerts are in {@link ScoringAlertsTest}.
 */
class GuangzhouRulesTest {

	static final LocalDate DAY = LocalDate.of(2026, 3, 10); // 2026-Q2

	final RuleBench gz = RuleBench.of("guangzhou-2005");

	final long yuexiu = gz.unit("越秀区", "district");

	@Test
	void everyPlacementOfTheSevenItemsEarnsItsPoints() {
		long dept = gz.unit("市发改委", "dept-a");
		gz.adopted(gz.submission(yuexiu, "动态", DAY), DAY, "SFXX", "标题信息");        // 四(二)1: 2
		gz.adopted(gz.submission(yuexiu, "动态", DAY), DAY, "SFXX", "短波信息");        // 四(二)1: 1
		gz.adopted(gz.submission(yuexiu, "要情", DAY), DAY, "SFYQ", "要情");            // 四(二)2: 5
		gz.adopted(gz.submission(yuexiu, "要情", DAY), DAY, "SWCY", "专送");            // 四(二)3: 5
		gz.adopted(gz.submission(yuexiu, "调研", DAY), DAY, "SFDY", "主办", "HOST");    // 四(二)4: 5
		gz.adopted(gz.submission(dept, "调研", DAY), DAY, "SFDY", "参与", "PARTICIPANT"); // 四(二)4: 2
		gz.adopted(gz.submission(yuexiu, "专报", DAY), DAY, "SFZB", "专报");            // 四(二)5: 8
		gz.adopted(gz.submission(yuexiu, "动态", DAY), DAY, "NOPE", "标题信息");         // a journal without a rule: nothing

		assertThat(gz.total(yuexiu, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("26");
		assertThat(gz.total(dept, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("2");
		assertThat(gz.explanations(yuexiu, PeriodKind.QUARTER, "2026-Q2")).hasSize(6)
			.anySatisfy(e -> assertThat(e).startsWith("穗府调研报告 主办（主办） +5 (GZ-2026-"))
			.anySatisfy(e -> assertThat(e).startsWith("收文呈阅表 专送 +5"));
	}

	@Test
	void aCityLeadersInstructionAddsEightPerItemAndToTheHostOnly() {
		long item = gz.submission(yuexiu, "动态", DAY);
		gz.adopted(item, DAY, "SFXX", "标题信息");
		gz.instruction(item, DAY.plusDays(2), "city-leader", "SFXX");
		gz.instruction(item, DAY.plusDays(3), "city-leader", "SFXX"); // a second leader on the same item: still 8
		assertThat(gz.total(yuexiu, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("10");

		long haizhu = gz.unit("海珠区", "district");
		long host = gz.submission(yuexiu, "调研", DAY);
		long participant = gz.submission(haizhu, "调研", DAY);
		gz.adopted(host, DAY, "SFDY", "主办", "HOST");
		gz.adopted(participant, DAY, "SFDY", "参与", "PARTICIPANT");
		gz.instruction(host, DAY, "city-leader", "SFDY", "HOST");
		gz.instruction(participant, DAY, "city-leader", "SFDY", "PARTICIPANT"); // 四(二)4 给主办单位加8分
		assertThat(gz.total(yuexiu, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("23");
		assertThat(gz.total(haizhu, PeriodKind.QUARTER, "2026-Q2").toPlainString()).isEqualTo("2.00");

		long yaoqing = gz.submission(yuexiu, "要情", DAY);
		gz.adopted(yaoqing, DAY, "SFYQ", "要情");
		gz.instruction(yaoqing, DAY, "city-leader", "SFYQ"); // 四(二)2 gives no bonus
		assertThat(gz.total(yuexiu, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("28");
	}

	@Test
	void theZhuanbaoBonusIsTheHighestValueCappedAtThirty() {
		long item = gz.submission(yuexiu, "专报", DAY);
		gz.adopted(item, DAY, "SFZB", "专报");
		gz.upstream(item, DAY, "province", false);                 // 8
		assertThat(gz.total(yuexiu, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("16");
		gz.upstream(item, DAY.plusDays(1), "province", true);      // 15 beats 8
		assertThat(gz.total(yuexiu, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("23");
		gz.upstream(item, DAY.plusDays(2), "state-council", true); // 30
		gz.instruction(item, DAY.plusDays(3), "state-council", null); // 30 again: still 30 (四(二)5(3))
		assertThat(gz.total(yuexiu, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("38");
		assertThat(gz.lines(yuexiu, PeriodKind.QUARTER, "2026-Q2")).extracting(LedgerMapper.Stored::ruleId)
			.containsExactly("placement:sfzb", "upstream:province", "upstream:province", "upstream:province-instructed",
					"upstream:province-instructed", "upstream:state-council-instructed");
		assertThat(gz.explanations(yuexiu, PeriodKind.QUARTER, "2026-Q2").get(5))
			.isEqualTo("国务院办公厅采用（有领导批示）（取最高加分值） +30 (" + gz.tracking(item) + ")");
	}

	@Test
	void aStateCouncilLeadersInstructionOnAZhuanbaoCountsLikeTheUpperAdoptionWithOneWhileItsAdoptionStands() {
		long item = gz.submission(yuexiu, "专报", DAY);
		long adoption = gz.adopted(item, DAY, "SFZB", "专报");
		gz.instruction(item, DAY.plusDays(4), "state-council", "SFZB"); // 四(二)5(2) 有国务院办公厅领导以上批示的，加30分
		assertThat(gz.total(yuexiu, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("38");
		assertThat(gz.explanations(yuexiu, PeriodKind.QUARTER, "2026-Q2")).last()
			.isEqualTo("国务院办公厅领导以上批示 +30 (" + gz.tracking(item) + ")");
		gz.undo(adoption);
		assertThat(gz.total(yuexiu, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("0");
	}

	@Test
	void upperAdoptionsEarnOnlyForZhuanbaoItemsAndCountFromTheAdoptionDay() {
		long item = gz.submission(yuexiu, "专报", LocalDate.of(2026, 2, 20));
		gz.upstream(item, LocalDate.of(2026, 2, 25), "state-council", false); // not (yet) a 专报 item: nothing
		assertThat(gz.total(yuexiu, PeriodKind.YEAR, "2026")).isEqualByComparingTo("0");
		long adoption = gz.adopted(item, LocalDate.of(2026, 3, 2), "SFZB", "专报");
		// the bonus is due once both hold: on the adoption's day, in Q2 — Q1 is not changed afterwards
		assertThat(gz.total(yuexiu, PeriodKind.QUARTER, "2026-Q1")).isEqualByComparingTo("0");
		assertThat(gz.total(yuexiu, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("28");
		gz.undo(adoption);
		assertThat(gz.total(yuexiu, PeriodKind.YEAR, "2026")).isEqualByComparingTo("0");
		assertThat(gz.lines(yuexiu, PeriodKind.YEAR, "2026")).hasSize(4).filteredOn(s -> s.reversesId() != null).hasSize(2);
	}

	@Test
	void commissionsEarnTwoWhenAnsweredOnTimeAndAdoptedAndCostFiveLateOrMissing() {
		long haizhu = gz.unit("海珠区", "district");
		long liwan = gz.unit("荔湾区", "district");
		long answer = gz.submission(yuexiu, "动态", DAY);
		gz.commission("COMMISSION_ANSWERED", DAY, yuexiu, answer, "YG-7", 7L);
		assertThat(gz.total(yuexiu, PeriodKind.QUARTER, "2026-Q2")).as("not adopted yet").isEqualByComparingTo("0");
		gz.adopted(answer, DAY.plusDays(5), "SFXX", "短波信息");
		assertThat(gz.explanations(yuexiu, PeriodKind.QUARTER, "2026-Q2"))
			.containsExactly("穗府信息 短波信息 +1 (" + gz.tracking(answer) + ")", "约稿 YG-7 按时报送并被采用 +2 (" + gz.tracking(answer) + ")");
		gz.commission("COMMISSION_LATE", DAY, haizhu, gz.submission(haizhu, "动态", DAY), "YG-7", 7L);
		// missing at the deadline: the commission's acts, without submissions, one scope
		LocalDate deadline = LocalDate.of(2026, 4, 30);
		gz.commission("COMMISSION_MISSING", deadline, liwan, null, "YG-7", 7L);
		assertThat(gz.total(haizhu, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("-5");
		assertThat(gz.explanations(liwan, PeriodKind.QUARTER, "2026-Q2")).containsExactly("约稿 YG-7 到期未报送 -5");
		assertThat(gz.lines(liwan, PeriodKind.MONTH, "2026-04")).singleElement()
			.satisfies(s -> assertThat(s.scopeKey()).isEqualTo("ref:commission:7"));
	}

	@Test
	void anUpperOfficesCriticismCostsTen() {
		gz.penalty(yuexiu, DAY, "upper-criticism");
		assertThat(gz.explanations(yuexiu, PeriodKind.QUARTER, "2026-Q2"))
			.containsExactly("受到国务院办公厅、省政府办公厅批评 -10");
	}

	@Test
	void aDirectReportPointsAdoptionPointsCountForItAndHalfForItsSupervisor() {
		long tax = gz.unit("市地税局", "dept-a");
		long inspection = gz.unit("市地税局第二稽查局", "direct-a", tax);
		long item = gz.submission(inspection, "动态", DAY);
		long adoption = gz.adopted(item, DAY, "SFXX", "标题信息");
		gz.penalty(inspection, DAY, "upper-criticism"); // not 信息得分: no credit (四(三)4)
		assertThat(gz.total(inspection, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("-8");
		assertThat(gz.explanations(tax, PeriodKind.QUARTER, "2026-Q2"))
			.containsExactly("双轨制 50%：市地税局第二稽查局 穗府信息 标题信息 +2 → +1 (" + gz.tracking(item) + ")");
		assertThat(gz.lines(tax, PeriodKind.QUARTER, "2026-Q2").get(0).ruleId()).isEqualTo("parent-credit:placement:sfxx-title");
		gz.undo(adoption);
		assertThat(gz.total(tax, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("0");
	}

	@Test
	void theAssessmentYearTurnsOnTheFirstOfDecember() {
		gz.adopted(gz.submission(yuexiu, "动态", LocalDate.of(2025, 11, 30)), LocalDate.of(2025, 11, 30), "SFXX", "标题信息");
		gz.adopted(gz.submission(yuexiu, "动态", LocalDate.of(2025, 12, 1)), LocalDate.of(2025, 12, 1), "SFXX", "短波信息");
		assertThat(gz.total(yuexiu, PeriodKind.YEAR, "2025")).isEqualByComparingTo("2");
		assertThat(gz.total(yuexiu, PeriodKind.QUARTER, "2025-Q4")).isEqualByComparingTo("2");
		assertThat(gz.total(yuexiu, PeriodKind.YEAR, "2026")).isEqualByComparingTo("1");
		assertThat(gz.total(yuexiu, PeriodKind.QUARTER, "2026-Q1")).isEqualByComparingTo("1");
		assertThat(gz.total(yuexiu, PeriodKind.MONTH, "2025-12")).isEqualByComparingTo("1");
		assertThat(gz.total(yuexiu, PeriodKind.HALF, "2026-H1")).isEqualByComparingTo("1");
	}

	@Test
	void theCloseJudgesQuarterAndYearTargetsAndReclosingWritesOnlyTheDifference() {
		long dept = gz.unit("市统计局", "dept-b");
		long direct = gz.unit("越秀区某街道", "direct-b");
		for (int i = 0; i < 9; i++) {
			gz.adopted(gz.submission(yuexiu, "动态", DAY), DAY, "SFXX", "标题信息"); // 18: exactly the district's 18
		}
		gz.adopted(gz.submission(dept, "动态", DAY), DAY, "SFYQ", "要情");         // 5 < 12
		gz.close(PeriodKind.QUARTER, "2026-Q2");
		assertThat(gz.explanations(yuexiu, PeriodKind.QUARTER, "2026-Q2")).last().isEqualTo("2026年度第2季度得分 18（指标 18 分）：完成");
		assertThat(gz.explanations(dept, PeriodKind.QUARTER, "2026-Q2")).last().isEqualTo("2026年度第2季度得分 5（指标 12 分）：未完成");
		assertThat(gz.explanations(direct, PeriodKind.QUARTER, "2026-Q2")).as("直报点 have only a year target").isEmpty();

		int rows = gz.table.rows.size();
		gz.close(PeriodKind.QUARTER, "2026-Q2");
		assertThat(gz.table.rows).as("nothing changed: nothing written").hasSize(rows);

		gz.adopted(gz.submission(dept, "动态", DAY), DAY, "SFDY", "主办", "HOST"); // 10 < 12 still
		gz.adopted(gz.submission(dept, "动态", DAY), DAY, "SFXX", "标题信息");     // 12: met
		gz.close(PeriodKind.QUARTER, "2026-Q2");
		assertThat(gz.explanations(dept, PeriodKind.QUARTER, "2026-Q2")).endsWith(
				"撤销：2026年度第2季度得分 5（指标 12 分）：未完成（重新关闭）", "2026年度第2季度得分 12（指标 12 分）：完成");

		gz.adopted(gz.submission(direct, "动态", DAY), DAY, "SFYQ", "要情");
		gz.close(PeriodKind.QUARTER, "2026-Q1");
		gz.close(PeriodKind.QUARTER, "2026-Q3");
		gz.close(PeriodKind.QUARTER, "2026-Q4");
		gz.close(PeriodKind.YEAR, "2026");
		assertThat(gz.explanations(direct, PeriodKind.YEAR, "2026")).last().isEqualTo("2026年度得分 5（指标 6 分）：未完成");
		assertThat(gz.explanations(yuexiu, PeriodKind.YEAR, "2026")).last().isEqualTo("2026年度得分 18（指标 72 分）：未完成");
		assertThat(gz.recompute().identical()).isTrue();
	}
}
