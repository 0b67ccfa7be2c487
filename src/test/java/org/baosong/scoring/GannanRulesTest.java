package org.baosong.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.baosong.profile.PeriodKind;

/**
 * Scenarios of {@code gannan-2008} (州政办发〔2008〕47号 第二十一条(四)): monthly minimums of 15 (counties), 10
 * (departments and units) and 3 (direct-report townships) judged at each month's close; no point rules, so
 * adoptions, instructions and commissions write no points.
 */
class GannanRulesTest {

	final RuleBench gn = RuleBench.of("gannan-2008");

	final long hezuo = gn.unit("合作市", "county");

	final long education = gn.unit("州教育局", "department");

	final long township = gn.unit("夏河县拉卜楞镇", "direct");

	@Test
	void eachSequencesMonthlyMinimumIsJudgedAtTheMonthsClose() {
		for (int i = 0; i < 15; i++) {
			gn.submission(hezuo, "动态", LocalDate.of(2026, 3, 1 + i));
		}
		for (int i = 0; i < 9; i++) {
			gn.submission(education, "动态", LocalDate.of(2026, 3, 2));
		}
		gn.submission(township, "动态", LocalDate.of(2026, 3, 31));
		gn.submission(township, "动态", LocalDate.of(2026, 4, 1));
		gn.close(PeriodKind.MONTH, "2026-03");
		assertThat(gn.explanations(hezuo, PeriodKind.MONTH, "2026-03")).containsExactly("2026年3月报送信息 15 条（指标 15 条）：完成");
		assertThat(gn.explanations(education, PeriodKind.MONTH, "2026-03")).containsExactly("2026年3月报送信息 9 条（指标 10 条）：未完成");
		assertThat(gn.explanations(township, PeriodKind.MONTH, "2026-03")).containsExactly("2026年3月报送信息 1 条（指标 3 条）：未完成");
	}

	@Test
	void nothingEarnsPoints() {
		long item = gn.submission(hezuo, "动态", LocalDate.of(2026, 3, 2));
		gn.adopted(item, LocalDate.of(2026, 3, 5), "GNXX", "信息");
		gn.instruction(item, LocalDate.of(2026, 3, 6), "prefecture", null);
		gn.upstream(item, LocalDate.of(2026, 3, 7), "province", true);
		gn.commission("COMMISSION_MISSING", LocalDate.of(2026, 3, 8), education, null, "YG-1", 1L);
		gn.close(PeriodKind.MONTH, "2026-03");
		gn.close(PeriodKind.MONTH, "2026-01");
		gn.close(PeriodKind.MONTH, "2026-02");
		gn.close(PeriodKind.QUARTER, "2026-Q1");
		assertThat(gn.table.rows).allSatisfy(s -> assertThat(s.points()).isEqualByComparingTo("0"));
		assertThat(gn.explanations(education, PeriodKind.QUARTER, "2026-Q1")).as("monthly targets only").hasSize(3);
		assertThat(gn.recompute().identical()).isTrue();
	}

	@Test
	void departmentsAndUnitsOfTheirOwnSequenceNeedTenEach() {
		long tibetan = gn.unit("省驻甘南某单位", "unit");
		for (int i = 0; i < 10; i++) {
			gn.submission(tibetan, "动态", LocalDate.of(2026, 6, 1 + i));
			gn.submission(education, "动态", LocalDate.of(2026, 6, 1 + i));
		}
		gn.close(PeriodKind.MONTH, "2026-06");
		assertThat(gn.explanations(tibetan, PeriodKind.MONTH, "2026-06")).containsExactly("2026年6月报送信息 10 条（指标 10 条）：完成");
		assertThat(gn.explanations(education, PeriodKind.MONTH, "2026-06")).containsExactly("2026年6月报送信息 10 条（指标 10 条）：完成");
	}

	@Test
	void aMonthCountsOnlyItsOwnDays() {
		for (int i = 0; i < 3; i++) {
			gn.submission(township, "动态", LocalDate.of(2026, 1, 31)); // January
		}
		gn.close(PeriodKind.MONTH, "2026-02");
		assertThat(gn.explanations(township, PeriodKind.MONTH, "2026-02")).containsExactly("2026年2月报送信息 0 条（指标 3 条）：未完成");
		gn.close(PeriodKind.MONTH, "2026-01");
		assertThat(gn.explanations(township, PeriodKind.MONTH, "2026-01")).containsExactly("2026年1月报送信息 3 条（指标 3 条）：完成");
	}

	@Test
	void theQuarterAndTheYearHoldTheirMonthsJudgementsAndNothingOfTheirOwn() {
		for (String month : new String[] { "01", "02", "03" }) {
			gn.close(PeriodKind.MONTH, "2026-" + month);
		}
		gn.close(PeriodKind.QUARTER, "2026-Q1");
		assertThat(gn.lines(hezuo, PeriodKind.QUARTER, "2026-Q1")).hasSize(3)
			.allSatisfy(s -> assertThat(s.scopeKey()).startsWith("close:MONTH:"));
	}

	@Test
	void anInactiveUnitWithoutSubmissionsIsNotJudged() {
		long closedTownship = gn.unit("撤并的乡镇", "direct");
		gn.deactivate(closedTownship);
		gn.close(PeriodKind.MONTH, "2026-05");
		assertThat(gn.explanations(closedTownship, PeriodKind.MONTH, "2026-05")).isEmpty();
		assertThat(gn.explanations(township, PeriodKind.MONTH, "2026-05")).hasSize(1);
	}

	@Test
	void aUnitOutsideTheProfilesSequencesIsNotJudged() {
		long other = gn.unit("广州某区", "district"); // a sequence of another profile
		gn.submission(other, "动态", LocalDate.of(2026, 5, 5));
		gn.close(PeriodKind.MONTH, "2026-05");
		assertThat(gn.explanations(other, PeriodKind.MONTH, "2026-05")).isEmpty();
	}

	@Test
	void reclosingAMonthAfterLateSubmissionsWritesTheNewJudgement() {
		for (int i = 0; i < 14; i++) {
			gn.submission(hezuo, "动态", LocalDate.of(2026, 7, 1 + i));
		}
		gn.close(PeriodKind.MONTH, "2026-07");
		gn.submission(hezuo, "动态", LocalDate.of(2026, 7, 31)); // registered late
		gn.close(PeriodKind.MONTH, "2026-07");
		assertThat(gn.explanations(hezuo, PeriodKind.MONTH, "2026-07")).containsExactly("2026年7月报送信息 14 条（指标 15 条）：未完成",
				"撤销：2026年7月报送信息 14 条（指标 15 条）：未完成（重新关闭）", "2026年7月报送信息 15 条（指标 15 条）：完成");
		assertThat(gn.recompute().identical()).isTrue();
	}
}
