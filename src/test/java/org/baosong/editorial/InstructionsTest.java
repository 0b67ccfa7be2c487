package org.baosong.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.AdoptedItems;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.Reports;
import org.baosong.testsupport.ShiftedClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leader instructions with real adopted submissions (embedded mailbox, MariaDB, demo registry): record
 * (act with the adoption's facts, event line, audit, 批示通知 in the outbox) and its refusals, undo,
 * feedback on time, late, missing at the due date (once), and feedback by the unit's tagged mail.
 * The instruction job runs hourly here; the tests call it, with the clock moved past the due date.
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.send-interval=200ms",
		"baosong.instructions.check-interval=1h" })
@AutoConfigureMockMvc
@Import(ShiftedClock.Config.class)
class InstructionsTest {

	static final LocalDate TODAY = Reports.TODAY;

	@Autowired
	Instructions instructions;

	@Autowired
	InstructionFeedback feedback;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	Journals journals;

	@Autowired
	JournalIssues issues;

	@Autowired
	Editing editing;

	@Autowired
	ShiftedClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	Reports reports;

	AdoptedItems adopted;

	@BeforeEach
	void setUp() {
		reports = new Reports(mailServer, jdbc);
		adopted = new AdoptedItems(journals, issues, editing, jdbc);
	}

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	/** Moves the application's clock this many days ahead (no mail in flight) and returns the day it is then. */
	private LocalDate daysLater(int days) {
		clock.shift(Duration.ofDays(days));
		return instructions.today();
	}

	private static Instructions.NewInstruction cityLeader(long adoptionId, LocalDate givenOn, LocalDate due) {
		return new Instructions.NewInstruction(adoptionId, "city-leader", "张伟", givenOn, "请认真研究，抓好落实。", due, true);
	}

	private List<Map<String, Object>> acts(long instructionId) {
		return jdbc.queryForList("SELECT id, kind, effective_on, reverses_id, attributes, submission_id FROM editorial_act"
				+ " WHERE ref_type = 'instruction' AND ref_id = ? ORDER BY id", instructionId);
	}

	private String state(long instructionId) {
		return jdbc.queryForObject("SELECT state FROM instruction WHERE id = ?", String.class, instructionId);
	}

	@Test
	void anInstructionIsRecordedWithTheAdoptionsFactsAndItsNoticeAndUndone() throws Exception {
		var item = adopted.item(reports, "越秀区推进社区养老服务中心建设", TODAY);
		long id = instructions.record(item.submissionId(), cityLeader(item.adoptionId(), TODAY, null));

		var row = jdbc.queryForMap("SELECT * FROM instruction WHERE id = ?", id);
		assertThat(row).containsEntry("state", "OPEN").containsEntry("instruction_level", "city-leader").containsEntry("leader_name", "张伟");
		assertThat(row.get("feedback_due").toString()).isEqualTo(TODAY.plusDays(30).toString()); // guangzhou-2005: feedback-days 30
		var act = acts(id).get(0);
		assertThat(act).containsEntry("kind", "INSTRUCTION");
		assertThat(act.get("effective_on").toString()).isEqualTo(TODAY.toString());
		assertThat(ActAttributes.fromJson((String) act.get("attributes")).asMap())
			.containsEntry(ActAttributes.LEVEL, "city-leader")
			.containsEntry(ActAttributes.JOURNAL, item.journalCode())
			.containsEntry(ActAttributes.JOURNAL_LEVEL, "市级")
			.containsEntry(ActAttributes.PLACEMENT, "标题信息")
			.containsEntry(ActAttributes.ROLE, "HOST")
			.containsEntry(ActAttributes.ADOPTION, String.valueOf(item.adoptionId()));
		assertThat(((Number) row.get("act_id")).longValue()).isEqualTo(((Number) act.get("id")).longValue());
		assertThat(jdbc.queryForList("SELECT detail FROM submission_event WHERE submission_id = ? AND kind = 'INSTRUCTION'", String.class,
				item.submissionId())).singleElement().asString().startsWith("市领导批示 张伟（" + TODAY + "）：").contains("标题信息");
		assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'instruction' AND target_id = ?", String.class,
				String.valueOf(id))).containsExactly("ACT_INSTRUCTION");

		var mail = jdbc.queryForMap("SELECT to_addr, subject, body_text, inbound_id, headers FROM outbound_mail WHERE dedup_key = ?",
				"instruction:" + id);
		assertThat(mail).containsEntry("to_addr", Reports.YUEXIU)
			.containsEntry("subject", "【批示通知】越秀区推进社区养老服务中心建设（" + item.trackingNo() + "）");
		assertThat((String) mail.get("headers")).startsWith("In-Reply-To: <");
		assertThat((String) mail.get("body_text")).contains("市领导批示").contains("张伟").contains("请认真研究，抓好落实。")
			.contains(TODAY.plusDays(30).getYear() + "年" + TODAY.plusDays(30).getMonthValue() + "月" + TODAY.plusDays(30).getDayOfMonth() + "日之前")
			.contains("【反馈:" + item.trackingNo() + "】【动态】");

		// a second instruction on the same item, its wording kept from the unit, its own due date
		long second = instructions.record(item.submissionId(),
				new Instructions.NewInstruction(item.adoptionId(), "province", "李强", TODAY, "内部批示原文", TODAY.plusDays(10), false));
		assertThat(jdbc.queryForObject("SELECT feedback_due FROM instruction WHERE id = ?", LocalDate.class, second)).isEqualTo(TODAY.plusDays(10));
		assertThat(jdbc.queryForObject("SELECT body_text FROM outbound_mail WHERE dedup_key = ?", String.class, "instruction:" + second))
			.contains("李强").doesNotContain("内部批示原文");

		instructions.undo(id, "登记错了");
		assertThat(state(id)).isEqualTo("WITHDRAWN");
		assertThat(acts(id)).extracting(a -> a.get("kind")).containsExactly("INSTRUCTION", "INSTRUCTION");
		assertThat(((Number) acts(id).get(1).get("reverses_id")).longValue()).isEqualTo(((Number) act.get("id")).longValue());
		assertThat(acts(id).get(1).get("attributes")).isEqualTo(act.get("attributes"));
		assertThat(jdbc.queryForList("SELECT kind FROM submission_event WHERE submission_id = ? ORDER BY id", String.class, item.submissionId()))
			.endsWith("INSTRUCTION", "INSTRUCTION", "UNDO_INSTRUCTION");
		assertThatThrownBy(() -> instructions.undo(id, null)).isInstanceOf(Instructions.Refused.class).hasMessageContaining("withdrawn");
		assertThat(instructions.ofSubmission(item.submissionId())).extracting(Instructions.Instruction::state)
			.containsExactly("WITHDRAWN", "OPEN");
		assertThat(instructions.find(second).orElseThrow().levelName()).isEqualTo("省政府办公厅领导以上批示");
	}

	@Test
	void refusalsNameTheirReason() throws Exception {
		var item = adopted.item(reports, "越秀区开展背街小巷环境整治", TODAY.minusDays(3));
		long notAdopted = reports.file(Reports.subject("动态", "越秀区召开安全生产工作会议"), Reports.body("越秀区召开安全生产工作会议，部署冬季安全生产。"));
		long adoption = item.adoptionId();
		assertThat(refusal(() -> instructions.record(notAdopted, cityLeader(adoption, TODAY, null)))).isEqualTo("NOT_ADOPTED");
		assertThat(refusal(() -> instructions.record(item.submissionId(), cityLeader(0, TODAY, null)))).isEqualTo("NOT_ADOPTED");
		assertThat(refusal(() -> instructions.record(item.submissionId(),
				new Instructions.NewInstruction(adoption, "mayor-of-mars", "张伟", TODAY, null, null, true)))).isEqualTo("UNKNOWN_LEVEL");
		assertThat(refusal(() -> instructions.record(item.submissionId(),
				new Instructions.NewInstruction(adoption, "city-leader", "  ", TODAY, null, null, true)))).isEqualTo("LEADER_INVALID");
		assertThat(refusal(() -> instructions.record(item.submissionId(), cityLeader(adoption, TODAY.plusDays(1), null)))).isEqualTo("DATE_INVALID");
		assertThat(refusal(() -> instructions.record(item.submissionId(), cityLeader(adoption, TODAY.minusDays(4), null)))).isEqualTo("DATE_INVALID");
		assertThat(refusal(() -> instructions.record(item.submissionId(), cityLeader(adoption, TODAY, TODAY.minusDays(1))))).isEqualTo("DUE_INVALID");
		// a due date between a backdated instruction's day and today would make the feedback missing at once
		assertThat(refusal(() -> instructions.record(item.submissionId(), cityLeader(adoption, TODAY.minusDays(3), TODAY.minusDays(1)))))
			.isEqualTo("DUE_INVALID");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM instruction WHERE submission_id IN (?, ?)", Long.class, item.submissionId(),
				notAdopted)).isZero();

		long id = instructions.record(item.submissionId(), cityLeader(adoption, TODAY.minusDays(1), null));
		assertThat(refusal(() -> instructions.undo(id, "长".repeat(201)))).isEqualTo("TOO_LONG");
		assertThat(refusal(() -> feedback.record(id, TODAY.plusDays(1), "已落实"))).isEqualTo("FEEDBACK_DATE_INVALID");
		assertThat(refusal(() -> feedback.record(id, TODAY.minusDays(2), "已落实"))).isEqualTo("FEEDBACK_DATE_INVALID");
		assertThat(refusal(() -> feedback.record(id, TODAY, " "))).isEqualTo("FEEDBACK_TEXT_REQUIRED");
		assertThat(refusal(() -> feedback.record(999_999, TODAY, "已落实"))).isEqualTo("NOT_FOUND");

		// an instruction stays on an adoption that is undone afterwards, but no new one can be given on it
		adopted.undo(adoption);
		assertThat(refusal(() -> instructions.record(item.submissionId(), cityLeader(adoption, TODAY, null)))).isEqualTo("NOT_ADOPTED");
		assertThat(state(id)).isEqualTo("OPEN");
	}

	@Test
	void aDoubleClickRecordsAnInstructionOnce() throws Exception {
		var item = adopted.item(reports, "越秀区推进城中村改造项目", TODAY.minusDays(2));
		var request = cityLeader(item.adoptionId(), TODAY.minusDays(1), null);
		long first = instructions.record(item.submissionId(), request);
		assertThat(refusal(() -> instructions.record(item.submissionId(), request))).isEqualTo("DUPLICATE");
		// another leader, or the same leader at another level or on another day: another instruction
		instructions.record(item.submissionId(), new Instructions.NewInstruction(item.adoptionId(), "city-leader", "李强", TODAY.minusDays(1), null,
				null, true));
		instructions.record(item.submissionId(), cityLeader(item.adoptionId(), TODAY, null));
		// withdrawn, it may be recorded again
		instructions.undo(first, "登记重复");

		var start = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.Callable<String> click = () -> {
				start.await();
				try {
					instructions.record(item.submissionId(), request);
					return "RECORDED";
				}
				catch (Instructions.Refused refused) {
					return refused.code();
				}
			};
			var one = pool.submit(click);
			var other = pool.submit(click);
			start.countDown();
			assertThat(List.of(one.get(30, java.util.concurrent.TimeUnit.SECONDS), other.get(30, java.util.concurrent.TimeUnit.SECONDS)))
				.containsExactlyInAnyOrder("RECORDED", "DUPLICATE");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM instruction WHERE adoption_id = ? AND leader_name = '张伟' AND given_on = ?"
				+ " AND state <> 'WITHDRAWN'", Long.class, item.adoptionId(), TODAY.minusDays(1))).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE dedup_key LIKE 'instruction:%' AND inbound_id = ("
				+ "SELECT inbound_id FROM submission WHERE id = ?)", Long.class, item.submissionId())).isEqualTo(4);
	}

	/**
	 * An undo in a transaction whose snapshot is older than a feedback another transaction committed (as a
	 * long filing transaction's would be): the lock must read the row as committed, or the feedback's act
	 * would be left standing on a withdrawn instruction.
	 */
	@Test
	void anUndoReadsTheInstructionAsLastCommittedNotAsItsSnapshot() throws Exception {
		var item = adopted.item(reports, "越秀区推进社区微改造", TODAY.minusDays(2));
		long id = instructions.record(item.submissionId(), cityLeader(item.adoptionId(), TODAY.minusDays(1), null));
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			assertThat(instructions.find(id).orElseThrow().state()).isEqualTo("OPEN"); // the snapshot is taken here
			java.util.concurrent.CompletableFuture.runAsync(() -> feedback.record(id, TODAY, "已落实到位。")).join();
			instructions.undo(id, "登记错了");
		});
		assertThat(state(id)).isEqualTo("WITHDRAWN");
		assertThat(acts(id)).extracting(a -> a.get("kind")).containsExactly("INSTRUCTION", "FEEDBACK", "INSTRUCTION", "FEEDBACK");
		assertThat(acts(id).subList(2, 4)).allSatisfy(a -> assertThat(a.get("reverses_id")).isNotNull());
	}

	/**
	 * The sender of the item's report no longer informs for the unit (deactivated in the registry): the
	 * 批示通知, a later 采用反馈 and an editor's 退回修改 of another report go to the unit's active informants,
	 * each a new mail outside the thread; a unit with no active informant gets none.
	 */
	@Test
	void mailsAboutAnItemGoToTheUnitsInformantsWhenTheSenderNoLongerInformsForIt() throws Exception {
		var item = adopted.item(reports, "越秀区推进数字政府建设", TODAY.minusDays(2));
		long open = reports.file(Reports.subject("动态", "越秀区开展消防安全检查"), Reports.body("越秀区开展消防安全检查，排查隐患。"));
		long unit = jdbc.queryForObject("SELECT unit_id FROM submission WHERE id = ?", Long.class, item.submissionId());
		long sender = jdbc.queryForObject("SELECT informant_id FROM informant_address WHERE address_key = ?", Long.class, Reports.YUEXIU);
		jdbc.update("INSERT INTO informant (unit_id, name, title, phone, active, created_at, updated_at) VALUES (?, '赵新', '信息员',"
				+ " '13800000001', TRUE, NOW(3), NOW(3))", unit);
		long successor = jdbc.queryForObject("SELECT id FROM informant WHERE unit_id = ? AND name = '赵新'", Long.class, unit);
		jdbc.update("INSERT INTO informant_address (informant_id, address, address_key) VALUES (?, 'Zhao.Xin@demo.baosong.test',"
				+ " 'zhao.xin@demo.baosong.test'), (?, 'xxb2.d01@demo.baosong.test', 'xxb2.d01@demo.baosong.test')", successor, successor);
		jdbc.update("UPDATE informant SET active = FALSE WHERE id = ?", sender);
		try {
			long id = instructions.record(item.submissionId(), cityLeader(item.adoptionId(), TODAY, null));
			var notices = jdbc.queryForList("SELECT to_addr, dedup_key, headers, body_text FROM outbound_mail WHERE dedup_key LIKE ? ORDER BY to_addr",
					"instruction:" + id + "%");
			assertThat(notices).extracting(m -> m.get("to_addr"))
				.containsExactlyInAnyOrder("Zhao.Xin@demo.baosong.test", "xxb2.d01@demo.baosong.test");
			assertThat(notices).extracting(m -> m.get("dedup_key"))
				.containsExactlyInAnyOrder("instruction:" + id + ":zhao.xin@demo.baosong.test", "instruction:" + id + ":xxb2.d01@demo.baosong.test");
			assertThat(notices).allSatisfy(m -> {
				assertThat(m.get("headers")).isNull();
				assertThat((String) m.get("body_text")).contains("【反馈:" + item.trackingNo() + "】");
			});

			long journal = journals.create(new Journals.Form("guangzhou-2005", "TRC" + ProcessHandle.current().pid(), "转发测试信息", "市级",
					"标题信息", true, 9));
			long issue = issues.create(journal, TODAY.getYear(), 1, TODAY, "editor1");
			long adoption = issues.add(issue, item.trackingNo(), "标题信息", null);
			issues.publish(issue, "editor1");
			assertThat(jdbc.queryForList("SELECT to_addr FROM outbound_mail WHERE dedup_key LIKE ? AND headers IS NULL ORDER BY to_addr",
					String.class, "adoption:" + adoption + ":%")).containsExactlyInAnyOrder("Zhao.Xin@demo.baosong.test", "xxb2.d01@demo.baosong.test");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE to_addr = ? AND dedup_key IN (?, ?)", Long.class,
					Reports.YUEXIU, "adoption:" + adoption, "instruction:" + id)).isZero();

			editing.returnForRevision(open, "editor1", "请补充检查发现的隐患数量。");
			long openInbound = jdbc.queryForObject("SELECT inbound_id FROM submission WHERE id = ?", Long.class, open);
			assertThat(jdbc.queryForList("SELECT to_addr FROM outbound_mail WHERE inbound_id = ? AND kind = 'RETURN' AND headers IS NULL",
					String.class, openInbound)).containsExactlyInAnyOrder("Zhao.Xin@demo.baosong.test", "xxb2.d01@demo.baosong.test");

			// nobody informs for the unit any more: nothing is mailed
			jdbc.update("UPDATE informant SET active = FALSE WHERE id = ?", successor);
			long unmailed = instructions.record(item.submissionId(), new Instructions.NewInstruction(item.adoptionId(), "province", "李强", TODAY,
					null, null, true));
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE dedup_key LIKE ?", Long.class, "instruction:" + unmailed + "%"))
				.isZero();
		}
		finally {
			jdbc.update("UPDATE informant SET active = TRUE WHERE id = ?", sender);
			jdbc.update("UPDATE informant SET active = FALSE WHERE id = ?", successor);
		}
		// the sender informs again: in the thread, to the sender
		long back = instructions.record(item.submissionId(), new Instructions.NewInstruction(item.adoptionId(), "state-council", "王刚", TODAY,
				null, null, true));
		assertThat(jdbc.queryForMap("SELECT to_addr, headers FROM outbound_mail WHERE dedup_key = ?", "instruction:" + back))
			.containsEntry("to_addr", Reports.YUEXIU).hasEntrySatisfying("headers", h -> assertThat((String) h).startsWith("In-Reply-To: <"));
	}

	private static String refusal(Runnable act) {
		try {
			act.run();
		}
		catch (Instructions.Refused refused) {
			return refused.code();
		}
		throw new AssertionError("not refused");
	}

	@Test
	void feedbackOnTimeIsRecordedOnceAndAnUndoReversesEveryAct() throws Exception {
		var item = adopted.item(reports, "越秀区推行垃圾分类积分制", TODAY.minusDays(5));
		long id = instructions.record(item.submissionId(), cityLeader(item.adoptionId(), TODAY.minusDays(4), null));
		feedback.record(id, TODAY, "已制定落实方案，分三步推进。");

		assertThat(state(id)).isEqualTo("FEEDBACK");
		var row = jdbc.queryForMap("SELECT feedback_on, feedback_text, feedback_by, feedback_act_id FROM instruction WHERE id = ?", id);
		assertThat(row).containsEntry("feedback_text", "已制定落实方案，分三步推进。").containsEntry("feedback_by", "EDITOR");
		var acts = acts(id);
		assertThat(acts).extracting(a -> a.get("kind")).containsExactly("INSTRUCTION", "FEEDBACK");
		assertThat(acts.get(1).get("effective_on").toString()).isEqualTo(TODAY.toString());
		assertThat(acts.get(1).get("attributes")).isEqualTo(acts.get(0).get("attributes"));
		assertThat(((Number) row.get("feedback_act_id")).longValue()).isEqualTo(((Number) acts.get(1).get("id")).longValue());
		assertThat(refusal(() -> feedback.record(id, TODAY, "再报一次"))).isEqualTo("NOT_AWAITING");

		instructions.undo(id, null);
		assertThat(acts(id)).extracting(a -> a.get("kind")).containsExactly("INSTRUCTION", "FEEDBACK", "INSTRUCTION", "FEEDBACK");
		assertThat(acts(id).subList(2, 4)).allSatisfy(a -> assertThat(a.get("reverses_id")).isNotNull());
		assertThat(jdbc.queryForList("SELECT kind FROM submission_event WHERE submission_id = ? ORDER BY id", String.class, item.submissionId()))
			.endsWith("INSTRUCTION", "FEEDBACK", "UNDO_INSTRUCTION", "UNDO_FEEDBACK");
		assertThat(refusal(() -> feedback.record(id, TODAY, "已落实"))).isEqualTo("NOT_AWAITING");
	}

	@Test
	void aBackdatedInstructionIsDueFeedbackDaysFromToday() throws Exception {
		var item = adopted.item(reports, "越秀区推广智慧停车管理平台", TODAY.minusDays(40));
		long id = instructions.record(item.submissionId(), cityLeader(item.adoptionId(), TODAY.minusDays(35), null));
		assertThat(jdbc.queryForObject("SELECT feedback_due FROM instruction WHERE id = ?", LocalDate.class, id)).isEqualTo(TODAY.plusDays(30));
		assertThat(jdbc.queryForObject("SELECT body_text FROM outbound_mail WHERE dedup_key = ?", String.class, "instruction:" + id))
			.contains(TODAY.plusDays(30).getYear() + "年" + TODAY.plusDays(30).getMonthValue() + "月" + TODAY.plusDays(30).getDayOfMonth() + "日之前");
		feedback.markOverdue();
		assertThat(state(id)).isEqualTo("OPEN");
		assertThat(acts(id)).extracting(a -> a.get("kind")).containsExactly("INSTRUCTION");
	}

	@Test
	void missingFeedbackIsRecordedOnceAtTheDueDateAndStaysWhenLateFeedbackArrives() throws Exception {
		var item = adopted.item(reports, "越秀区建立河长制巡河台账", TODAY.minusDays(40));
		long id = instructions.record(item.submissionId(), cityLeader(item.adoptionId(), TODAY.minusDays(35), null));
		LocalDate due = TODAY.plusDays(30);
		assertThat(state(id)).isEqualTo("OPEN");

		LocalDate today = daysLater(35);
		assertThat(feedback.markOverdue()).isPositive();
		feedback.markOverdue();
		assertThat(state(id)).isEqualTo("OVERDUE");
		var acts = acts(id);
		assertThat(acts).extracting(a -> a.get("kind")).containsExactly("INSTRUCTION", "FEEDBACK_MISSING");
		assertThat(acts.get(1).get("effective_on").toString()).isEqualTo(due.toString());
		assertThat(acts.get(1).get("attributes")).isEqualTo(acts.get(0).get("attributes"));
		assertThat(jdbc.queryForList("SELECT actor FROM editorial_act WHERE id = ?", String.class, acts.get(1).get("id"))).containsExactly("system");
		assertThat(instructions.countOverdue()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM instruction WHERE state = 'OVERDUE'", Long.class));

		feedback.record(id, today, "已整改到位。");
		assertThat(state(id)).isEqualTo("FEEDBACK_LATE");
		assertThat(acts(id)).extracting(a -> a.get("kind")).containsExactly("INSTRUCTION", "FEEDBACK_MISSING", "FEEDBACK_LATE");
		assertThat(acts(id)).allSatisfy(a -> assertThat(a.get("reverses_id")).isNull()); // missing at the due date stays
	}

	@Test
	void lateFeedbackBeforeTheJobRanStillRecordsTheMissingFeedbackFirst() throws Exception {
		var item = adopted.item(reports, "越秀区试点老年助餐配送服务", TODAY.minusDays(20));
		long id = instructions.record(item.submissionId(), cityLeader(item.adoptionId(), TODAY.minusDays(20), TODAY.plusDays(2)));
		LocalDate today = daysLater(12);
		feedback.record(id, today.minusDays(2), "已开设助餐点12个。");
		assertThat(state(id)).isEqualTo("FEEDBACK_LATE");
		var acts = acts(id);
		assertThat(acts).extracting(a -> a.get("kind")).containsExactly("INSTRUCTION", "FEEDBACK_MISSING", "FEEDBACK_LATE");
		assertThat(acts.get(1).get("effective_on").toString()).isEqualTo(TODAY.plusDays(2).toString());
		assertThat(acts.get(2).get("effective_on").toString()).isEqualTo(today.minusDays(2).toString());
		assertThat(jdbc.queryForObject("SELECT missing_act_id FROM instruction WHERE id = ?", Long.class, id))
			.isEqualTo(((Number) acts.get(1).get("id")).longValue());
	}

	@Test
	void feedbackDatedOnTimeButRecordedAfterTheJobReversesTheMissingAct() throws Exception {
		var item = adopted.item(reports, "越秀区完善网格化管理机制", TODAY.minusDays(20));
		long id = instructions.record(item.submissionId(), cityLeader(item.adoptionId(), TODAY.minusDays(20), TODAY.plusDays(3)));
		daysLater(7);
		feedback.markOverdue();
		assertThat(state(id)).isEqualTo("OVERDUE");
		feedback.record(id, TODAY.plusDays(2), "已于期限前书面报告。");
		assertThat(state(id)).isEqualTo("FEEDBACK");
		var acts = acts(id);
		assertThat(acts).extracting(a -> a.get("kind")).containsExactly("INSTRUCTION", "FEEDBACK_MISSING", "FEEDBACK_MISSING", "FEEDBACK");
		assertThat(((Number) acts.get(2).get("reverses_id")).longValue()).isEqualTo(((Number) acts.get(1).get("id")).longValue());

		// the undo reverses what still stands, not the missing act twice
		instructions.undo(id, null);
		assertThat(acts(id)).extracting(a -> a.get("kind")).endsWith("INSTRUCTION", "FEEDBACK");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM editorial_act WHERE ref_type = 'instruction' AND ref_id = ? AND reverses_id IS NOT NULL",
				Long.class, id)).isEqualTo(3);
	}

	@Test
	void aTaggedMailFromTheUnitIsLinkedAsItsFeedbackAndOthersAreFiledUnlinked() throws Exception {
		var item = adopted.item(reports, "越秀区推进政务服务一网通办", TODAY.minusDays(2));
		long id = instructions.record(item.submissionId(), cityLeader(item.adoptionId(), TODAY.minusDays(1), null));

		// another unit's mail naming the item: filed, not linked
		String foreign = reports.send("xxb.d02@demo.baosong.test",
				"【反馈:" + item.trackingNo() + "】荔湾区|荔湾区关于政务服务改革的情况报告|签发人:赵刚|报送人:李洋|13800007919|" + TODAY,
				("荔湾区深入推进政务服务改革，推行一窗受理、集成服务，群众办事更加便捷。").repeat(6)
						+ "\n\n单位：荔湾区政府\n签发人：赵刚\n报送人：李洋\n联系电话：13800007919\n日期：" + TODAY);
		assertThat(flagNotes(awaitFiled(foreign))).contains("FEEDBACK\t反馈 " + item.trackingNo() + "：不是本单位报送的信息，未关联批示");
		assertThat(state(id)).isEqualTo("OPEN");

		// a tracking number that does not exist: filed, not linked
		String unknown = reports.send(Reports.YUEXIU, "【反馈:GZ-1999-999999】" + Reports.subject("动态", "越秀区关于社区食堂建设情况的报告"),
				Reports.body("越秀区社区食堂建设进展顺利，已建成运营社区食堂八家，日均服务老年人千余人次。"));
		assertThat(flagNotes(awaitFiled(unknown))).contains("没有这个编号的信息，未关联批示");

		// the unit's own feedback, half-width brackets, full-width colon, lower case: linked, on time
		String own = reports.send(Reports.YUEXIU, "[反馈：" + item.trackingNo().toLowerCase() + "]" + Reports.subject("综合", "越秀区关于一网通办批示落实情况的报告"),
				Reports.body("越秀区认真落实领导批示精神，政务服务事项网上可办率达到百分之九十八，即办件占比明显提升。"));
		long feedbackSubmission = awaitFiled(own);
		assertThat(flagNotes(feedbackSubmission)).contains("FEEDBACK\t反馈 " + item.trackingNo() + "：已关联 1 条领导批示");
		assertThat(jdbc.queryForObject("SELECT flags FROM submission WHERE id = ?", String.class, feedbackSubmission)).contains("FEEDBACK");
		assertThat(jdbc.queryForObject("SELECT report_type FROM submission WHERE id = ?", String.class, feedbackSubmission)).isEqualTo("综合");
		var row = jdbc.queryForMap("SELECT state, feedback_by, feedback_submission_id, feedback_inbound_id, feedback_on, feedback_text FROM instruction"
				+ " WHERE id = ?", id);
		assertThat(row).containsEntry("state", "FEEDBACK").containsEntry("feedback_by", "MAIL")
			.containsEntry("feedback_text", "越秀区关于一网通办批示落实情况的报告");
		assertThat(((Number) row.get("feedback_submission_id")).longValue()).isEqualTo(feedbackSubmission);
		assertThat(row.get("feedback_inbound_id")).isEqualTo(jdbc.queryForObject("SELECT inbound_id FROM submission WHERE id = ?", Object.class,
				feedbackSubmission));
		var acts = acts(id);
		assertThat(acts).extracting(a -> a.get("kind")).containsExactly("INSTRUCTION", "FEEDBACK");
		assertThat(((Number) acts.get(1).get("submission_id")).longValue()).isEqualTo(item.submissionId());
		assertThat(jdbc.queryForObject("SELECT detail FROM editorial_act WHERE id = ?", String.class, acts.get(1).get("id")))
			.endsWith("来信 " + jdbc.queryForObject("SELECT tracking_no FROM submission WHERE id = ?", String.class, feedbackSubmission));

		// a second feedback mail finds nothing awaiting
		String again = reports.send(Reports.YUEXIU, "【反馈:" + item.trackingNo() + "】" + Reports.subject("动态", "越秀区一网通办改革的补充报告"),
				Reports.body("越秀区进一步梳理高频事项清单，推动更多事项实现跨区通办，企业群众满意度持续提高。"));
		assertThat(flagNotes(awaitFiled(again))).contains("该信息没有待反馈的领导批示，未关联");
		assertThat(acts(id)).hasSize(2);
	}

	private long awaitFiled(String messageId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM inbound_mail WHERE message_id = ? AND status <> 'RECEIVED'", Long.class, messageId) == 1);
		assertThat(jdbc.queryForObject("SELECT status FROM inbound_mail WHERE message_id = ?", String.class, messageId))
			.as(jdbc.queryForObject("SELECT COALESCE(reason_codes, '') FROM inbound_mail WHERE message_id = ?", String.class, messageId))
			.isEqualTo("ACCEPTED");
		return jdbc.queryForObject("SELECT s.id FROM submission s JOIN inbound_mail m ON m.id = s.inbound_id WHERE m.message_id = ?", Long.class,
				messageId);
	}

	private String flagNotes(long submissionId) {
		return jdbc.queryForObject("SELECT flag_notes FROM submission WHERE id = ?", String.class, submissionId);
	}
}
