package org.baosong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.baosong.editorial.ActAttributes;
import org.baosong.editorial.JournalIssues;
import org.baosong.editorial.Journals;
import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.RawSmtp;
import org.baosong.testsupport.Reports;
import org.baosong.testsupport.UnitMailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 7 end to end, with the fixture mails of {@code mail-fixtures/editorial/}: two units' reports are
 * received from the mailbox and accepted (receipts delivered), taken up by an editor, composed into
 * 穗府信息 第1期 and published (each unit's 采用反馈 delivered), a leader's instruction is recorded on the
 * submission page (the 批示通知 delivered with the feedback tag), and the unit's feedback mail, written
 * with the tag it was given, is filed and linked as the instruction's feedback, on time.
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.send-interval=200ms",
		"baosong.instructions.check-interval=1h" })
@AutoConfigureMockMvc
class EditorialEndToEndTest {

	static final Path FIXTURES = Path.of("mail-fixtures/editorial");

	static final String YUEXIU = "xxb.d01@demo.baosong.test";

	static final String TIANHE = "xxb.d06@demo.baosong.test";

	static final LocalDate TODAY = Reports.TODAY;

	static final RequestPostProcessor EDITOR = user("editor1").roles("EDITOR");

	static final Pattern FEEDBACK_TAG = Pattern.compile("主题必须以“【反馈:([^】]+)】”开头");

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Journals journals;

	@Autowired
	JournalIssues issues;

	@Test
	void reportsAreAdoptedAnInstructionIsNoticedAndTheUnitsFeedbackMailIsLinked() throws Exception {
		var yuexiuMail = new UnitMailbox(mailServer, YUEXIU);
		var tianheMail = new UnitMailbox(mailServer, TIANHE);

		// 1. the reports arrive and are accepted
		long yuexiu = receive("01-yuexiu-report", YUEXIU, Map.of());
		long tianhe = receive("02-tianhe-report", TIANHE, Map.of());
		String yuexiuNo = tracking(yuexiu);
		String tianheNo = tracking(tianhe);
		assertThat(yuexiuMail.await("【已收到】", yuexiuNo).getHeader("In-Reply-To")).containsExactly("<editorial-01@fixtures.test>");

		// 2. an editor takes them up and sends them for review
		for (long id : new long[] { yuexiu, tianhe }) {
			mvc.perform(post("/submissions/" + id + "/claim").with(EDITOR).with(csrf())).andExpect(status().is3xxRedirection());
			mvc.perform(post("/submissions/" + id + "/submit").with(EDITOR).with(csrf())).andExpect(status().is3xxRedirection());
			assertThat(state(id)).isEqualTo("IN_REVIEW");
		}

		// 3. composed into 穗府信息 第1期 and published
		long sfxx = journals.list().stream().filter(j -> j.code().equals("SFXX") && j.profileId().equals("guangzhou-2005")).findFirst()
			.orElseThrow().id();
		long issue = issues.create(sfxx, TODAY.getYear(), 1, TODAY, "reviewer1");
		long adoption = issues.add(issue, yuexiuNo, "标题信息", null);
		issues.add(issue, tianheNo, "短波信息", null);
		issues.publish(issue, "reviewer1");
		assertThat(state(yuexiu)).isEqualTo("ADOPTED");
		assertThat(state(tianhe)).isEqualTo("ADOPTED");

		// 4. each unit learns of its adoption by mail, in the thread of its report
		String label = "穗府信息 " + TODAY.getYear() + "年第1期";
		var adopted = yuexiuMail.await("【采用反馈】", yuexiuNo);
		assertThat(adopted.getHeader("In-Reply-To")).containsExactly("<editorial-01@fixtures.test>");
		assertThat(UnitMailbox.text(adopted)).contains("刊发于" + label + "（标题信息）");
		assertThat(UnitMailbox.text(tianheMail.await("【采用反馈】", tianheNo))).contains("刊发于" + label + "（短波信息）");

		// 5. a leader's instruction is recorded on the submission page
		mvc.perform(post("/submissions/" + yuexiu + "/instructions").with(EDITOR).with(csrf()).param("adoption", String.valueOf(adoption))
				.param("level", "city-leader").param("leader", "刘副市长").param("givenOn", TODAY.toString())
				.param("text", "越秀区的做法很好，请总结经验在全市推广。").param("notifyText", "true"))
			.andExpect(flash().attributeExists("notice"));
		long instruction = jdbc.queryForObject("SELECT id FROM instruction WHERE submission_id = ?", Long.class, yuexiu);

		// 6. the unit receives the 批示通知 with the due date and the exact tag to use
		var notice = yuexiuMail.await("【批示通知】", yuexiuNo);
		assertThat(notice.getHeader("In-Reply-To")).containsExactly("<editorial-01@fixtures.test>");
		String noticeText = UnitMailbox.text(notice);
		LocalDate due = TODAY.plusDays(30);
		assertThat(noticeText).contains("刊发于" + label + "（标题信息）").contains("市领导批示").contains("刘副市长")
			.contains("越秀区的做法很好，请总结经验在全市推广。").contains(due.format(DateTimeFormatter.ofPattern("yyyy年M月d日")) + "之前");
		var tag = FEEDBACK_TAG.matcher(noticeText);
		assertThat(tag.find()).as(noticeText).isTrue();
		assertThat(tag.group(1)).isEqualTo(yuexiuNo);

		// 7. the unit answers with a new mail tagged as it was told: filed, receipted and linked as the feedback
		long feedback = receive("03-yuexiu-feedback", YUEXIU, Map.of("{{TRACKING}}", tag.group(1)));
		String feedbackNo = tracking(feedback);
		yuexiuMail.await("【已收到】", feedbackNo);
		assertThat(jdbc.queryForObject("SELECT flags FROM submission WHERE id = ?", String.class, feedback)).contains("FEEDBACK");
		var row = jdbc.queryForMap("SELECT state, feedback_by, feedback_submission_id, feedback_on FROM instruction WHERE id = ?", instruction);
		assertThat(row).containsEntry("state", "FEEDBACK").containsEntry("feedback_by", "MAIL");
		assertThat(((Number) row.get("feedback_submission_id")).longValue()).isEqualTo(feedback);
		assertThat(row.get("feedback_on").toString()).isEqualTo(TODAY.toString());

		// the act stream of the instructed item, as scoring will read it
		var acts = jdbc.queryForList("SELECT kind, ref_type, effective_on, attributes FROM editorial_act WHERE submission_id = ? ORDER BY id", yuexiu);
		assertThat(acts).extracting(a -> a.get("kind")).containsExactly("ADOPTED", "INSTRUCTION", "FEEDBACK");
		var facts = ActAttributes.fromJson((String) acts.get(2).get("attributes"));
		assertThat(facts.asMap()).containsEntry(ActAttributes.JOURNAL, "SFXX").containsEntry(ActAttributes.PLACEMENT, "标题信息")
			.containsEntry(ActAttributes.LEVEL, "city-leader").containsEntry(ActAttributes.ADOPTION, String.valueOf(adoption));
		assertThat(jdbc.queryForList("SELECT kind FROM editorial_act WHERE submission_id = ? ORDER BY id", String.class, tianhe))
			.containsExactly("ADOPTED");

		String page = mvc.perform(get("/submissions/" + yuexiu).with(user("viewer1").roles("VIEWER"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("刘副市长").contains("按期反馈").contains(feedbackNo).contains("（单位来信）");
	}

	/** Sends a fixture from its informant (placeholders filled in) and returns the submission it was filed as. */
	private long receive(String fixture, String from, Map<String, String> more) throws Exception {
		String text = Files.readString(FIXTURES.resolve(fixture + ".eml"), StandardCharsets.UTF_8)
			.replace("{{TODAY_CN}}", TODAY.format(DateTimeFormatter.ofPattern("yyyy年M月d日")))
			.replace("{{TODAY}}", TODAY.toString());
		for (var entry : more.entrySet()) {
			text = text.replace(entry.getKey(), entry.getValue());
		}
		var id = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)").matcher(text);
		assertThat(id.find()).isTrue();
		String messageId = id.group(1);
		RawSmtp.send(mailServer.smtpPort(), from, mailServer.address(), text.getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM inbound_mail WHERE message_id = ? AND status <> 'RECEIVED'", Long.class, messageId) == 1);
		assertThat(jdbc.queryForObject("SELECT status FROM inbound_mail WHERE message_id = ?", String.class, messageId))
			.as(fixture + ": " + jdbc.queryForObject("SELECT COALESCE(reason_codes, '') FROM inbound_mail WHERE message_id = ?", String.class,
					messageId))
			.isEqualTo("ACCEPTED");
		return jdbc.queryForObject("SELECT s.id FROM submission s JOIN inbound_mail m ON m.id = s.inbound_id WHERE m.message_id = ?", Long.class,
				messageId);
	}

	private String tracking(long submissionId) {
		return jdbc.queryForObject("SELECT tracking_no FROM submission WHERE id = ?", String.class, submissionId);
	}

	private String state(long submissionId) {
		return jdbc.queryForObject("SELECT state FROM submission WHERE id = ?", String.class, submissionId);
	}
}
