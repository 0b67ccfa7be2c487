package org.baosong.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.baosong.profile.PeriodKind;

/**
 * Scenarios of {@code changchun-2012} (长春高新区 附件1): 高新信息, the 市委/市政府 journals counted separately, the
 * leaders' instruction bonus (the highest of several), 省办/国办 with their instruction bonus, feedback on an
 * instruction (on time, overdue), commissions, the weekly and research quotas, the base of 80 and the
 * conversion to a 100-point scale, and the year that ends on 30 November.
 */
class ChangchunRulesTest {

	static final LocalDate DAY = LocalDate.of(2026, 5, 13); // a Wednesday of 2026-Q2

	final RuleBench cc = RuleBench.of("changchun-2012");

	final long economy = cc.unit("经济发展局", "department");

	@Test
	void gaoxinXinxiAndTheCityJournalsCountEachAdoptionSeparately() {
		long item = cc.submission(economy, "动态", DAY);
		cc.adopted(item, DAY, "GXXX", "信息");                  // 2
		cc.upstream(item, DAY, "cw-xinxi", false);              // 《长春信息》 5
		cc.upstream(item, DAY, "zf-dongtai", false);            // 《动态信息》 5 — 分别加分
		long brief = cc.submission(economy, "简讯", DAY);
		cc.adopted(brief, DAY, "GXXX", "简讯");                 // 1
		cc.upstream(brief, DAY, "zf-neiwang", false);           // 4
		assertThat(cc.total(economy, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("17");
	}

	@Test
	void severalLeadersInstructionsCountTheHighestOnly() {
		long item = cc.submission(economy, "动态", DAY);
		cc.upstream(item, DAY, "cw-zhuanbao", false);                  // 8
		cc.instruction(item, DAY, "party-deputy-secretary-general", null); // 5
		cc.instruction(item, DAY.plusDays(1), "vice-mayor", null);        // 15 replaces 5
		cc.instruction(item, DAY.plusDays(2), "mayor-assistant", null);   // 10: lower
		assertThat(cc.total(economy, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("23");
		assertThat(cc.explanations(economy, PeriodKind.QUARTER, "2026-Q2")).last()
			.isEqualTo("副市长批示（多位领导批示取最高分值） +15 (" + cc.tracking(item) + ")");
	}

	@Test
	void theProvinceAndTheStateCouncilAddTheirLeadersInstructionOnTop() {
		long item = cc.submission(economy, "动态", DAY);
		cc.upstream(item, DAY, "province", true);        // 30 + 30
		cc.upstream(item, DAY, "state-council", false);  // 50
		assertThat(cc.total(economy, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("110");
		assertThat(cc.lines(economy, PeriodKind.QUARTER, "2026-Q2")).extracting(LedgerMapper.Stored::ruleId)
			.containsExactly("upstream:province", "upstream:province-instructed", "upstream:state-council");
	}

	@Test
	void feedbackOnAnInstructionEarnsTenOnTimeAndCostsTenWhenOverdue() {
		long item = cc.submission(economy, "动态", DAY);
		long other = cc.submission(economy, "动态", DAY);
		cc.feedback("FEEDBACK", DAY.plusDays(3), item, 901L);
		long missing = cc.feedback("FEEDBACK_MISSING", DAY.plusDays(30), other, 902L); // due date passed
		assertThat(cc.total(economy, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("0");
		assertThat(cc.explanations(economy, PeriodKind.QUARTER, "2026-Q2"))
			.containsExactly("领导批示按时反馈 +10 (" + cc.tracking(item) + ")", "领导批示到期未反馈 -10 (" + cc.tracking(other) + ")");
		cc.feedback("FEEDBACK_LATE", DAY.plusDays(35), other, 902L); // answered after all: still -10, not -20
		assertThat(cc.total(economy, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("0");
		assertThat(cc.explanations(economy, PeriodKind.QUARTER, "2026-Q2")).last()
			.isEqualTo("领导批示逾期反馈 -10 (" + cc.tracking(other) + ")");
		assertThat(cc.lines(economy, PeriodKind.QUARTER, "2026-Q2")).filteredOn(s -> s.reversesId() != null).singleElement()
			.satisfies(s -> assertThat(s.eventId()).isEqualTo(missing));
	}

	@Test
	void aCommissionAnsweredOnTimeAndAdoptedEarnsFive() {
		long item = cc.submission(economy, "动态", DAY);
		cc.commission("COMMISSION_ANSWERED", DAY, economy, item, "YG-3", 3L);
		cc.adopted(item, DAY, "GXXX", "信息");
		cc.commission("COMMISSION_MISSING", DAY, cc.unit("财政局", "department"), null, "YG-3", 3L); // no deduction in 三(五)
		assertThat(cc.total(economy, PeriodKind.QUARTER, "2026-Q2")).isEqualByComparingTo("7");
	}

	@Test
	void weeksWithoutAReportCostTwoAndTheResearchQuotaFiveEachWayAtTheCloses() {
		long finance = cc.unit("财政局", "department");
		// May 2026: the weeks whose Thursday is in May are W18 (Thu 30 Apr belongs to April), so W19..W22
		cc.submission(economy, "动态", LocalDate.of(2026, 5, 4));   // W19
		cc.submission(economy, "动态", LocalDate.of(2026, 5, 13));  // W20
		cc.submission(economy, "调研", LocalDate.of(2026, 5, 20));  // W21 (research counts as a report of the week)
		cc.submission(economy, "调研", LocalDate.of(2026, 5, 21));  // W21
		cc.submission(economy, "调研", LocalDate.of(2026, 6, 2));   // June
		cc.close(PeriodKind.MONTH, "2026-05");
		assertThat(cc.explanations(economy, PeriodKind.MONTH, "2026-05")).containsExactly(
				"2026年5月每周报送信息（指标每周 1 条）：4 周中 3 周达到，少 1 条（2026-W22 0 条），少 1 条 × -2 = -2");
		assertThat(cc.explanations(finance, PeriodKind.MONTH, "2026-05")).singleElement()
			.satisfies(e -> assertThat(e).endsWith("少 4 条 × -2 = -8"));
		cc.close(PeriodKind.MONTH, "2026-04");
		cc.close(PeriodKind.MONTH, "2026-06");
		cc.close(PeriodKind.QUARTER, "2026-Q2");
		assertThat(cc.explanations(economy, PeriodKind.QUARTER, "2026-Q2")).last()
			.isEqualTo("2026年度第2季度报送调研类信息 3 条（指标 1 条）：完成，多 2 条 × 5 = +10");
		assertThat(cc.explanations(finance, PeriodKind.QUARTER, "2026-Q2")).last()
			.isEqualTo("2026年度第2季度报送调研类信息 0 条（指标 1 条）：未完成，少 1 条 × -5 = -5");
	}

	@Test
	void theYearStartsAtEightyAndIsConvertedToAHundredPointScale() {
		long finance = cc.unit("财政局", "department");
		long park = cc.unit("北湖科技园", "unit");
		// a report every week of the assessed year (each Thursday from 1 January to 26 November) from everyone,
		// a research report every quarter from all but 财政局
		for (LocalDate thursday = LocalDate.of(2026, 1, 1); thursday.isBefore(LocalDate.of(2026, 12, 1)); thursday = thursday.plusWeeks(1)) {
			for (long unit : new long[] { economy, finance, park }) {
				cc.submission(unit, "动态", thursday);
			}
		}
		for (int month : new int[] { 2, 5, 8, 11 }) {
			cc.submission(economy, "调研", LocalDate.of(2026, month, 2));
			cc.submission(park, "调研", LocalDate.of(2026, month, 2));
		}
		cc.upstream(cc.submission(economy, "动态", DAY), DAY, "cw-diaoyan", false); // 8
		cc.upstream(cc.submission(finance, "动态", DAY), DAY, "cw-xinxi", false);   // 5
		for (String month : new String[] { "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11" }) {
			cc.close(PeriodKind.MONTH, "2026-" + month);
		}
		for (int q = 1; q <= 4; q++) {
			cc.close(PeriodKind.QUARTER, "2026-Q" + q);
		}
		var economyBefore = cc.total(economy, PeriodKind.YEAR, "2026");
		var financeBefore = cc.total(finance, PeriodKind.YEAR, "2026");
		assertThat(economyBefore).isEqualByComparingTo("8");
		assertThat(financeBefore).as("5, and 4 quarters without a research report").isEqualByComparingTo("-15");
		cc.close(PeriodKind.YEAR, "2026");
		// every unit starts from 80; the best of the class becomes 100, the others 100 × score ÷ best
		assertThat(cc.total(economy, PeriodKind.YEAR, "2026")).isEqualByComparingTo("100");
		var financeScore = financeBefore.add(new java.math.BigDecimal("80"));
		var best = economyBefore.add(new java.math.BigDecimal("80"));
		assertThat(cc.total(finance, PeriodKind.YEAR, "2026"))
			.isEqualByComparingTo(financeScore.multiply(new java.math.BigDecimal("100")).divide(best, 2, java.math.RoundingMode.HALF_UP));
		assertThat(cc.explanations(finance, PeriodKind.YEAR, "2026")).anySatisfy(e -> assertThat(e).isEqualTo("2026年度基础分 +80"))
			.last().satisfies(e -> assertThat(e).startsWith("2026年度折合100分制：100 × " + Points.plain(financeScore) + " ÷ " + Points.plain(best)
					+ "（管委会各部门（处室）最高分）="));
		assertThat(cc.total(park, PeriodKind.YEAR, "2026")).as("the only unit of its class is its best").isEqualByComparingTo("100");
		assertThat(cc.recompute().identical()).isTrue();
	}

	@Test
	void decemberCountsForNoPeriod() {
		long item = cc.submission(economy, "动态", LocalDate.of(2026, 12, 3));
		cc.adopted(item, LocalDate.of(2026, 12, 3), "GXXX", "信息");
		cc.adopted(cc.submission(economy, "动态", LocalDate.of(2026, 11, 30)), LocalDate.of(2026, 11, 30), "GXXX", "信息");
		assertThat(cc.table.rows).as("one quantity row and one point line, both of 30 November").hasSize(2)
			.allSatisfy(s -> assertThat(s.periodMonth()).isEqualTo("2026-11"));
		assertThat(cc.profile.calendar().periodsOf(2026, PeriodKind.QUARTER)).last()
			.satisfies(q -> assertThat(q.end()).isEqualTo(LocalDate.of(2026, 11, 30)));
	}
}
