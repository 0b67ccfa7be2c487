package org.baosong.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.Reports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Journals and their issues with real submissions (embedded mailbox, MariaDB, demo registry):
 * composing a draft, publishing it (states, acts, the event, one 采用反馈 mail per adoption), the
 * refusals, and the undo of a published adoption.
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms" })
@Import(JournalIssuesTest.Events.class)
class JournalIssuesTest {

	static final String PROFILE = "guangzhou-2005";

	static final LocalDate ISSUE_DAY = LocalDate.of(2026, 11, 20);

	@TestConfiguration
	static class Events {

		final List<AdoptionPublished> published = new ArrayList<>();

		@EventListener
		void on(AdoptionPublished event) {
			published.add(event);
		}
	}

	@Autowired
	Journals journals;

	@Autowired
	JournalIssues issues;

	@Autowired
	Editing editing;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Events events;

	Reports reports;

	@BeforeEach
	void setUp() {
		reports = new Reports(mailServer, jdbc);
		events.published.clear();
	}

	private long inReview(String title) throws Exception {
		long id = reports.file(Reports.subject("动态", title), Reports.body(title + "，各项工作有序推进。"));
		editing.claim(id, "editor1");
		editing.submitForReview(id, "editor1", false);
		return id;
	}

	private String tracking(long id) {
		return jdbc.queryForObject("SELECT tracking_no FROM submission WHERE id = ?", String.class, id);
	}

	private String state(long id) {
		return jdbc.queryForObject("SELECT state FROM submission WHERE id = ?", String.class, id);
	}

	private long journal(String code, String name) {
		return journals.create(new Journals.Form(PROFILE, code, name, "市级", "标题信息，简讯、条目", true, 1));
	}

	@Test
	void anIssueIsComposedPublishedAndAnAdoptionUndone() throws Exception {
		long first = inReview("越秀区推进老旧小区改造惠及3万户");
		long second = inReview("越秀区开展消防安全大检查");
		long received = reports.file(Reports.subject("动态", "越秀区召开防汛工作会议"), Reports.body("越秀区召开防汛工作会议。"));

		long sfxx = journal("TXX1", "穗府信息");
		assertThat(journals.find(sfxx).orElseThrow().kinds()).containsExactly("标题信息", "简讯", "条目");
		assertThat(issues.proposedNumber(sfxx, 2026)).isEqualTo(1);
		long issue = issues.create(sfxx, 2026, 1, ISSUE_DAY, "editor1");
		assertThat(issues.proposedNumber(sfxx, 2026)).isEqualTo(2);
		assertThatThrownBy(() -> issues.create(sfxx, 2026, 1, ISSUE_DAY, "editor1")).hasMessageContaining("exists");

		long a1 = issues.add(issue, tracking(first), "标题信息", null);
		long a2 = issues.add(issue, tracking(second), "简讯", "HOST");
		assertThatThrownBy(() -> issues.add(issue, tracking(received), "简讯", null)).isInstanceOf(Journals.Invalid.class)
			.hasMessageContaining("RECEIVED");
		assertThatThrownBy(() -> issues.add(issue, tracking(first), "简讯", null)).hasMessageContaining("in this issue");
		assertThatThrownBy(() -> issues.add(issue, tracking(second), "专报", null)).hasMessageContaining("placement kind");
		issues.move(issue, a2, true);
		assertThat(issues.items(issue)).extracting(JournalIssues.Item::id).containsExactly(a2, a1);
		issues.remove(issue, a1);
		long a1again = issues.add(issue, tracking(first), "标题信息", null);
		assertThat(issues.items(issue)).extracting(JournalIssues.Item::id).containsExactly(a2, a1again);

		issues.publish(issue, "reviewer1");

		assertThat(state(first)).isEqualTo("ADOPTED");
		assertThat(state(second)).isEqualTo("ADOPTED");
		assertThat(issues.find(issue).orElseThrow().state()).isEqualTo("PUBLISHED");
		var act = jdbc.queryForMap("SELECT kind, effective_on, detail, ref_type, ref_id, attributes FROM editorial_act WHERE submission_id = ?",
				second);
		assertThat(ActAttributes.fromJson((String) act.get("attributes")).asMap()).containsEntry(ActAttributes.PLACEMENT, "简讯")
			.containsEntry(ActAttributes.ROLE, "HOST").containsKey(ActAttributes.JOURNAL);
		assertThat(act).containsEntry("kind", "ADOPTED").containsEntry("ref_type", "adoption").containsEntry("detail", "穗府信息 2026年第1期 简讯 HOST");
		assertThat(act.get("effective_on").toString()).isEqualTo("2026-11-20");
		assertThat(((Number) act.get("ref_id")).longValue()).isEqualTo(a2);
		assertThat(jdbc.queryForList("SELECT kind FROM submission_event WHERE submission_id = ? ORDER BY id", String.class, first))
			.endsWith("ADOPTED", "ADOPTED");
		assertThat(events.published).hasSize(1);
		assertThat(events.published.get(0).issueLabel()).isEqualTo("穗府信息 2026年第1期");
		assertThat(events.published.get(0).items()).extracting(AdoptionPublished.Item::adoptionId).containsExactly(a2, a1again);
		var mails = jdbc.queryForList("SELECT to_addr, subject, body_text, dedup_key FROM outbound_mail WHERE kind = 'ADOPTED'"
				+ " AND dedup_key IN (?, ?) ORDER BY id", "adoption:" + a2, "adoption:" + a1again);
		assertThat(mails).hasSize(2);
		assertThat(mails.get(0)).containsEntry("to_addr", Reports.YUEXIU).containsEntry("dedup_key", "adoption:" + a2)
			.containsEntry("subject", "【采用反馈】越秀区开展消防安全大检查（" + tracking(second) + "）");
		assertThat((String) mails.get(0).get("body_text")).contains("刊发于穗府信息 2026年第1期（简讯）");
		assertThatThrownBy(() -> issues.add(issue, tracking(received), "简讯", null)).hasMessageContaining("published");
		assertThatThrownBy(() -> issues.publish(issue, "reviewer1")).hasMessageContaining("published");

		// adopted again by another journal: a second act and a second mail for the same original message
		long yq = journal("TYQ1", "穗府要情");
		long issue2 = issues.create(yq, 2026, 1, ISSUE_DAY.plusDays(1), "editor1");
		long b1 = issues.add(issue2, tracking(first), "条目", "PARTICIPANT");
		issues.publish(issue2, "editor1");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE kind = 'ADOPTED' AND dedup_key IN (?, ?, ?)", Long.class,
				"adoption:" + a2, "adoption:" + a1again, "adoption:" + b1)).isEqualTo(3);

		// undo: the act is reversed; the submission stays adopted while another adoption stands
		assertThatThrownBy(() -> issues.undo(a1again, "admin", "长".repeat(201))).isInstanceOfSatisfying(Journals.Invalid.class,
				invalid -> assertThat(invalid.code()).isEqualTo("TOO_LONG"));
		issues.undo(a1again, "admin", "误选");
		assertThat(state(first)).isEqualTo("ADOPTED");
		issues.undo(b1, "admin", null);
		assertThat(state(first)).isEqualTo("IN_REVIEW");
		assertThat(jdbc.queryForList("SELECT reverses_id IS NOT NULL FROM editorial_act WHERE submission_id = ? ORDER BY id", Boolean.class, first))
			.containsExactly(false, false, true, true);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM adoption WHERE submission_id = ? AND withdrawn_at IS NOT NULL", Long.class, first))
			.isEqualTo(2);
		assertThatThrownBy(() -> issues.undo(b1, "admin", null)).hasMessageContaining("already undone");
		assertThat(state(second)).isEqualTo("ADOPTED");
		assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'journal_issue' AND target_id = ? ORDER BY id", String.class,
				String.valueOf(issue))).contains("ISSUE_CREATED", "ISSUE_ITEM_ADDED", "ISSUE_ITEM_MOVED", "ISSUE_ITEM_REMOVED", "ISSUE_PUBLISHED");
	}

	/**
	 * Two undos of one submission's adoptions in two issues at once. The first is held open (not
	 * committed) after its work; the second must wait for the submission's lock rather than judge by a
	 * snapshot in which the first's adoption still stands, or the submission stays ADOPTED with no
	 * adoption standing.
	 */
	@Test
	void twoUndosOfOneSubmissionsAdoptionsAtOnceLeaveItUnderReview() throws Exception {
		long id = inReview("越秀区推进营商环境改革试点");
		long issueA = issues.create(journal("TCU1", "并发信息甲"), 2026, 1, ISSUE_DAY, "editor1");
		long a = issues.add(issueA, tracking(id), "标题信息", null);
		issues.publish(issueA, "editor1");
		long issueB = issues.create(journal("TCU2", "并发信息乙"), 2026, 1, ISSUE_DAY, "editor1");
		long b = issues.add(issueB, tracking(id), "标题信息", null);
		issues.publish(issueB, "editor1");
		assertThat(state(id)).isEqualTo("ADOPTED");

		var firstDone = new java.util.concurrent.CountDownLatch(1);
		var commitFirst = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
				issues.undo(a, "admin", "误选");
				firstDone.countDown();
				try {
					commitFirst.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(firstDone.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			var second = pool.submit(() -> issues.undo(b, "admin", "误选"));
			// the second either finished (it did not wait) or waits for a lock the first holds
			org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> second.isDone() || jdbc.queryForObject(
					"SELECT COUNT(*) FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id"
							+ " WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()", Long.class) > 0);
			commitFirst.countDown();
			first.get(30, java.util.concurrent.TimeUnit.SECONDS);
			second.get(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		finally {
			commitFirst.countDown();
			pool.shutdownNow();
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM adoption WHERE submission_id = ? AND withdrawn_at IS NULL", Long.class, id)).isZero();
		assertThat(state(id)).isEqualTo("IN_REVIEW");
	}

	@Test
	void theDemoCreatesTheGuangzhouJournals() {
		assertThat(journals.list()).filteredOn(j -> j.code().startsWith("SF")).extracting(Journals.Journal::name)
			.containsExactly("穗府信息", "穗府要情", "穗府信息专报", "穗府调研报告");
		assertThat(journals.list()).filteredOn(j -> j.code().equals("SFXX")).singleElement()
			.satisfies(j -> assertThat(j.kinds()).containsExactly("标题信息", "短波信息"));
	}

	@Test
	void journalsAreValidatedAndCodesUniquePerProfile() {
		long id = journal("GXXX", "高新信息");
		assertThatThrownBy(() -> journal("GXXX", "另一个")).hasMessageContaining("taken");
		assertThatThrownBy(() -> journals.create(new Journals.Form(PROFILE, "X1", "名", null, " , ", true, 0))).hasMessageContaining("placement");
		journals.update(id, new Journals.Form(null, "GXXX", "高新信息（改）", null, "简讯", false, 3));
		var journal = journals.find(id).orElseThrow();
		assertThat(journal.name()).isEqualTo("高新信息（改）");
		assertThat(journal.active()).isFalse();
		assertThat(journal.profileId()).isEqualTo(PROFILE);
	}
}
