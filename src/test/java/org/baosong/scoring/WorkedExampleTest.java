package org.baosong.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.baosong.editorial.Editing;
import org.baosong.editorial.JournalIssues;
import org.baosong.editorial.Journals;
import org.baosong.profile.PeriodKind;
import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The worked example of spec/scoring.md, end to end: 越秀区 in Guangzhou's assessment quarter 2026-Q1
 * (1 Dec 2025 – 28 Feb 2026). Adoptions go through real journal issues (the demo journals 穗府信息 and
 * 穗府信息专报), the instruction, upper adoptions and the late commission through the act stream; the ledger
 * follows each act in its transaction. Total 39, target 18 met.
 */
@GatewayTest(properties = "baosong.demo.enabled=true")
class WorkedExampleTest {

	static final PeriodRef Q1 = new PeriodRef(PeriodKind.QUARTER, "2026-Q1");

	@Autowired
	ApplicationContext context;

	@Autowired
	Journals journals;

	@Autowired
	JournalIssues issues;

	@Autowired
	Editing editing;

	@Autowired
	Scores scores;

	@Autowired
	PeriodCloses closes;

	@Autowired
	Recompute recompute;

	@Test
	void yuexiuEarnsThirtyNineInTheFirstQuarter() {
		var f = ScoringFixtures.of(context, "guangzhou-2005");
		long yuexiu = f.unit("D01");
		LocalDate received = LocalDate.of(2025, 12, 2);
		long a = inReview(f, received);
		long b = inReview(f, received);
		long c = inReview(f, received);
		long d = inReview(f, received);
		long e = inReview(f, received);
		long zb = inReview(f, received);
		long late = f.submission("D01", "动态", LocalDate.of(2026, 2, 1));

		// 3 items in 穗府信息 as 标题信息 (2 each); one of them got a 市领导批示 (+8)
		publish(f, "SFXX", 1, LocalDate.of(2025, 12, 15), "标题信息", a, b, c);
		f.instruction(a, LocalDate.of(2025, 12, 20), "city-leader", "SFXX", null);
		// 2 items in 穗府信息 as 短波信息 (1 each)
		publish(f, "SFXX", 2, LocalDate.of(2026, 1, 8), "短波信息", d, e);
		// 1 item in 穗府信息专报 (8); adopted by 省办 with a provincial leader's instruction (15), by 国办 without (20)
		publish(f, "SFZB", 1, LocalDate.of(2026, 1, 10), "专报", zb);
		f.upstream(zb, LocalDate.of(2026, 1, 20), "province", true);
		long stateCouncil = f.upstream(zb, LocalDate.of(2026, 2, 10), "state-council", false);
		// 1 commission answered late (-5)
		f.commission("COMMISSION_LATE", LocalDate.of(2026, 2, 1), yuexiu, late, "YG-2026-01", 1L);

		var lines = f.pointLines(scores, yuexiu, Q1);
		assertThat(lines).extracting(LedgerLine::points, LedgerLine::ruleId, LedgerLine::explanation).containsExactly(
				tuple(new BigDecimal("2.00"), "placement:sfxx-title", "穗府信息 标题信息 +2 (" + f.tracking(a) + ")"),
				tuple(new BigDecimal("2.00"), "placement:sfxx-title", "穗府信息 标题信息 +2 (" + f.tracking(b) + ")"),
				tuple(new BigDecimal("2.00"), "placement:sfxx-title", "穗府信息 标题信息 +2 (" + f.tracking(c) + ")"),
				tuple(new BigDecimal("8.00"), "instruction:sfxx-city-leader", "穗府信息 市领导批示 +8 (" + f.tracking(a) + ")"),
				tuple(new BigDecimal("1.00"), "placement:sfxx-short", "穗府信息 短波信息 +1 (" + f.tracking(d) + ")"),
				tuple(new BigDecimal("1.00"), "placement:sfxx-short", "穗府信息 短波信息 +1 (" + f.tracking(e) + ")"),
				tuple(new BigDecimal("8.00"), "placement:sfzb", "穗府信息专报 专报 +8 (" + f.tracking(zb) + ")"),
				// the provincial bonus stood until the state council's better one came: reversed, not deleted
				tuple(new BigDecimal("15.00"), "upstream:province-instructed", "省政府办公厅采用（有领导批示） +15 (" + f.tracking(zb) + ")"),
				tuple(new BigDecimal("-15.00"), "upstream:province-instructed",
						"撤销：省政府办公厅采用（有领导批示） +15 (" + f.tracking(zb) + ")（依据 #" + stateCouncil + "）"),
				tuple(new BigDecimal("20.00"), "upstream:state-council",
						"国务院办公厅采用（无领导批示）（取最高加分值） +20 (" + f.tracking(zb) + ")"),
				tuple(new BigDecimal("-5.00"), "commission:late", "约稿 YG-2026-01 逾期报送 -5 (" + f.tracking(late) + ")"));
		assertThat(lines).filteredOn(l -> !l.reversal() && lines.stream().noneMatch(r -> Long.valueOf(l.id()).equals(r.reversesId())))
			.as("the standing lines: 3 + 1 + 2 + 1 + 1 + 1").hasSize(9);
		assertThat(lines.stream().map(LedgerLine::points).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("39");
		assertThat(f.total(scores, yuexiu, Q1)).isEqualByComparingTo("39");
		assertThat(scores.totals("guangzhou-2005", Q1).get(yuexiu).submissions()).isEqualTo(7);
		// every line carries its act and the assessment periods of its day
		assertThat(lines).allSatisfy(l -> assertThat(l.year()).isEqualTo("2026"));
		assertThat(lines.get(0).month()).isEqualTo("2025-12");
		assertThat(lines.get(0).eventKind()).isEqualTo("ADOPTED");
		assertThat(lines.get(10).eventKind()).isEqualTo("COMMISSION_LATE");

		// the quarter is closed by an administrator: 39 >= 18, target met; the close line says so
		var closed = closes.close("guangzhou-2005", Q1, "admin1", false);
		assertThat(closed.written()).isTrue();
		var statusLine = f.pointLines(scores, yuexiu, Q1).get(11);
		assertThat(statusLine.explanation()).isEqualTo("2026年度第1季度得分 39（指标 18 分）：完成");
		assertThat(statusLine.points()).isEqualByComparingTo("0");
		assertThat(statusLine.eventKind()).isEqualTo("PERIOD_CLOSE");
		assertThat(statusLine.eventId()).isEqualTo(closed.close().id());
		var yuexiuStanding = scores.standings("guangzhou-2005", Q1).stream().filter(s -> s.unitId() == yuexiu).findFirst().orElseThrow();
		assertThat(yuexiuStanding.points()).isEqualByComparingTo("39");
		assertThat(yuexiuStanding.met()).isTrue();
		assertThat(yuexiuStanding.rank()).isEqualTo(1);
		assertThat(yuexiuStanding.sequenceName()).isEqualTo("区（县级市）序列");
		assertThat(yuexiuStanding.targets()).singleElement().satisfies(t -> {
			assertThat(t.required()).isEqualByComparingTo("18");
			assertThat(t.completion()).isEqualByComparingTo("216.7");
		});
		// the other districts earned nothing: missed, flagged as 五(三) says; 越秀区 is not
		var alerts = scores.alerts("guangzhou-2005", Q1);
		assertThat(alerts).filteredOn(x -> x.sequenceCode().equals("district") && x.kind().equals("MISSED_TARGET")).hasSize(11)
			.noneMatch(x -> x.unitId() == yuexiu);
		assertThat(alerts).noneMatch(x -> x.unitId() == yuexiu);
		// closing again changes nothing; the recompute from the act stream finds the ledger exactly as it is
		assertThat(closes.close("guangzhou-2005", Q1, "admin1", false).written()).isFalse();
		assertThat(recompute.check("guangzhou-2005", Q1).identical()).isTrue();
		assertThat(recompute.check("guangzhou-2005", null).differences()).isEmpty();
		assertThat(scores.activity("guangzhou-2005", Q1).get(yuexiu).adoptions()).containsEntry("SFXX", 5L).containsEntry("SFZB", 1L);
	}

	private long inReview(ScoringFixtures f, LocalDate received) {
		long id = f.submission("D01", "动态", received);
		editing.claim(id, "editor1");
		editing.submitForReview(id, "editor1", false);
		return id;
	}

	private void publish(ScoringFixtures f, String journalCode, int number, LocalDate day, String placement, long... submissions) {
		long journal = journals.list().stream().filter(j -> j.code().equals(journalCode) && j.profileId().equals("guangzhou-2005"))
			.findFirst().orElseThrow().id();
		long issue = issues.create(journal, 2026, number, day, "editor1");
		for (long s : submissions) {
			issues.add(issue, f.tracking(s), placement, null);
		}
		issues.publish(issue, "reviewer1");
	}
}
