package org.baosong.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.baosong.profile.PeriodKind;
import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Guangzhou's alerts (穗府办〔2005〕61号 五(二), 五(三)) over the assessment year 2025 (1 Dec 2024 – 30 Nov 2025),
 * closed quarter by quarter: a quarter missed is criticised, four in a row call for a new informant, every quarter
 * met is praised at the year's close. Yinchuan's (two quarters, zero adoption) are in {@link YinchuanDeploymentTest}.
 */
@GatewayTest(properties = "baosong.demo.enabled=true")
class ScoringAlertsTest {

	static final String GZ = "guangzhou-2005";

	@Autowired
	ApplicationContext context;

	@Autowired
	Scores scores;

	@Autowired
	PeriodCloses closes;

	@Test
	void missedQuartersAreCriticisedFourInARowAskForANewInformantAndAYearOfMetQuartersIsPraised() {
		var f = ScoringFixtures.of(context, GZ);
		long huadu = f.unit("D08");
		long luogang = f.unit("D09");
		long yuexiu = f.unit("D01");
		LocalDate[] quarterDays = { LocalDate.of(2025, 1, 15), LocalDate.of(2025, 4, 15), LocalDate.of(2025, 7, 15), LocalDate.of(2025, 10, 15) };
		for (int q = 0; q < 4; q++) {
			earnTwentyThree(f, "D08", quarterDays[q]);
			if (q < 3) {
				earnTwentyThree(f, "D09", quarterDays[q]);
			}
		}
		for (int q = 1; q <= 4; q++) {
			closes.close(GZ, new PeriodRef(PeriodKind.QUARTER, "2025-Q" + q), "admin1", false);
		}
		var q4 = scores.alerts(GZ, new PeriodRef(PeriodKind.QUARTER, "2025-Q4"));
		assertThat(q4).filteredOn(a -> a.unitId() == huadu).isEmpty();
		assertThat(q4).filteredOn(a -> a.unitId() == luogang).extracting(Alert::kind).containsExactly("MISSED_TARGET");
		assertThat(q4).filteredOn(a -> a.unitId() == yuexiu).extracting(Alert::kind, Alert::text).containsExactly(
				org.assertj.core.groups.Tuple.tuple("MISSED_TARGET", "未完成季度工作指标，由市政府办公厅（新闻信息处）书面通报批评"),
				org.assertj.core.groups.Tuple.tuple("CONSECUTIVE_MISSED", "连续四个季度未完成任务，对单位分管领导和信息员通报批评，建议更换信息员"));
		assertThat(scores.alerts(GZ, new PeriodRef(PeriodKind.QUARTER, "2025-Q3")))
			.as("three quarters are not four").noneMatch(a -> a.kind().equals("CONSECUTIVE_MISSED"));

		closes.close(GZ, new PeriodRef(PeriodKind.YEAR, "2025"), "admin1", false);
		var year = scores.alerts(GZ, new PeriodRef(PeriodKind.YEAR, "2025"));
		assertThat(year).filteredOn(Alert::praise).extracting(Alert::unitId).containsExactly(huadu);
		assertThat(year).filteredOn(Alert::praise).singleElement().satisfies(a -> assertThat(a.text()).startsWith("每季度累计得分均完成任务"));
		assertThat(scores.alerts(GZ, new PeriodRef(PeriodKind.QUARTER, "2026-Q3"))).as("an open period has no alerts").isEmpty();
		var standings = scores.standings(GZ, new PeriodRef(PeriodKind.YEAR, "2025"));
		assertThat(standings).filteredOn(s -> s.sequenceCode().equals("district")).first()
			.satisfies(s -> {
				assertThat(s.unitId()).isEqualTo(huadu);
				assertThat(s.points()).isEqualByComparingTo("92");
				assertThat(s.met()).isTrue();
			});
	}

	/** A 穗府信息专报 item (8) adopted by 省办 with a leader's instruction (15): 23, over the quarter's 18. */
	private static void earnTwentyThree(ScoringFixtures f, String unit, LocalDate day) {
		long item = f.submission(unit, "专报", day);
		f.adopted(item, day, "SFZB", "专报", null);
		f.upstream(item, day.plusDays(1), "province", true);
	}
}
