package org.baosong.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.baosong.profile.PeriodKind;

/**
 * Scenarios of {@code yinchuan-2018} (银政办发〔2018〕94号 第九条): quarterly quotas with base 10, the office's
 * placements, the upper journals, the highest-only rule for one item across all journals with instruction
 * bonuses and marks on top, commissions not done. Alerts (two missed quarters, zero adoption) are in
 * {@link ScoringAlertsTest}.
 */
class YinchuanRulesTest {

	static final LocalDate DAY = LocalDate.of(2026, 5, 12); // 2026-Q2

	final RuleBench yc = RuleBench.of("yinchuan-2018");

	final long xingqing = yc.unit("兴庆区", "county");

	@Test
	void theOfficesJournalsEarnThreeOneFiveAndOne() {
		yc.adopted(yc.submission(xingqing, "动态", DAY), DAY, "YCXX", "信息");
		yc.adopted(yc.submission(xingqing, "简讯", DAY), DAY, "YCXX", "简讯");
		yc.adopted(yc.submission(xingqing, "专题", DAY), DAY, "YCZT", "专题");
		yc.adopted(yc.submission(xingqing, "动态", DAY), DAY, "SBZZQ", "上报");
		assertThat(yc.total(xingqing, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("10");
	}

	@Test
	void oneItemInSeveralJournalsCountsOnlyItsHighestAdoption() {
		long item = yc.submission(xingqing, "动态", DAY);
		yc.adopted(item, DAY, "YCXX", "信息");                  // 3
		yc.adopted(item, DAY.plusDays(1), "SBZZQ", "上报");     // 1: lower, nothing added
		assertThat(yc.total(xingqing, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("3");
		long guobao = yc.upstream(item, DAY.plusDays(9), "guobao", false); // 5 (国报信息): replaces the 3
		assertThat(yc.total(xingqing, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("5");
		assertThat(yc.explanations(xingqing, PeriodKind.QUARTER, "2026-Q2")).last()
			.isEqualTo("《国报信息》采用（重复采用只记最高分） +5 (" + yc.tracking(item) + ")");
		yc.upstream(item, DAY.plusDays(10), "nx-chenbao", false); // 1: lower
		yc.undo(guobao);                                          // back to the 3 of 银川政务信息
		assertThat(yc.total(xingqing, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("3");
	}

	@Test
	void instructionBonusesAndMarksAddOnTopOfTheHighestAdoption() {
		long item = yc.submission(xingqing, "动态", DAY);
		yc.adopted(item, DAY, "YCXX", "信息");
		yc.upstream(item, DAY, "nx-kuaibao", false);  // 3 = 3: the earlier adoption stands
		yc.instruction(item, DAY, "region", null);    // +5
		yc.instruction(item, DAY, "city", null);      // +3: each level's instruction counts (第九条(三) 每条分别加)
		yc.mark(item, DAY, "excellent");              // +2 优秀信息
		assertThat(yc.total(xingqing, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("13");
		assertThat(yc.explanations(xingqing, PeriodKind.QUARTER, "2026-Q2")).contains("优秀信息 +2 (" + yc.tracking(item) + ")",
				"自治区领导批示 +5 (" + yc.tracking(item) + ")");
	}

	@Test
	void aBriefInTheRegionsExpressCountsOne() {
		long item = yc.submission(xingqing, "简讯", DAY);
		yc.upstream(item, DAY, "nx-kuaibao-brief", false);
		assertThat(yc.total(xingqing, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("1");
	}

	@Test
	void aCommissionNotDoneAsRequiredCostsThreeLateOrMissing() {
		long jinfeng = yc.unit("金凤区", "county");
		yc.commission("COMMISSION_LATE", DAY, xingqing, yc.submission(xingqing, "动态", DAY), "YG-1", 1L);
		yc.commission("COMMISSION_MISSING", DAY, jinfeng, null, "YG-1", 1L);
		long onTime = yc.submission(xingqing, "动态", DAY);
		yc.commission("COMMISSION_ANSWERED", DAY, xingqing, onTime, "YG-2", 2L);
		yc.adopted(onTime, DAY, "YCXX", "信息"); // on time earns nothing of its own in Yinchuan
		assertThat(yc.total(xingqing, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("0");
		assertThat(yc.total(jinfeng, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("-3");
	}

	@Test
	void theQuarterlyQuotaGivesBaseTenWhenMetAndNothingWhenMissed() {
		long department = yc.unit("市发改委", "department");
		for (int i = 0; i < 90; i++) {
			yc.submission(xingqing, "动态", DAY.minusDays(i % 40));
		}
		for (int i = 0; i < 39; i++) {
			yc.submission(department, "动态", DAY);
		}
		yc.close(PeriodKind.QUARTER, "2026-Q2");
		assertThat(yc.explanations(xingqing, PeriodKind.QUARTER, "2026-Q2"))
			.containsExactly("2026年度第2季度报送信息 90 条（指标 90 条）：完成，基础分 +10");
		assertThat(yc.explanations(department, PeriodKind.QUARTER, "2026-Q2"))
			.containsExactly("2026年度第2季度报送信息 39 条（指标 40 条）：未完成，基础分 0");
		assertThat(yc.total(xingqing, PeriodKind.YEAR, "2026")).isEqualByComparingTo("10");
	}

	@Test
	void submissionsOfOtherQuartersDoNotCountForThisOne() {
		for (int i = 0; i < 20; i++) {
			yc.submission(xingqing, "动态", LocalDate.of(2026, 3, 31)); // Q1
		}
		long zone = yc.unit("银川经济技术开发区", "zone");
		for (int i = 0; i < 20; i++) {
			yc.submission(zone, "动态", LocalDate.of(2026, 4, 1));      // Q2
		}
		yc.close(PeriodKind.QUARTER, "2026-Q2");
		assertThat(yc.total(xingqing, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("0");
		assertThat(yc.total(zone, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("10");
	}

	@Test
	void theLedgerOfAQuarterIsReproducedFromItsActs() {
		long item = yc.submission(xingqing, "动态", DAY);
		long a = yc.adopted(item, DAY, "YCZT", "专题");
		yc.upstream(item, DAY, "guobao", true);
		yc.instruction(item, DAY, "state-council", null);
		yc.undo(a);
		yc.close(PeriodKind.QUARTER, "2026-Q2");
		assertThat(yc.total(xingqing, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("15");
		assertThat(yc.recompute().identical()).isTrue();
	}
}
