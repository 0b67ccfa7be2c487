package org.baosong.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Date;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.RawSmtp;
import org.baosong.testsupport.Reports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The submission page and its acts through the real application (embedded mailbox, MariaDB, demo
 * registry): claim, edit in versions with a diff, send to review and back, not adopt, return to the
 * unit with the comment mailed, the refusals, the audit trail, the original HTML sanitized in its
 * own frame and attachments as downloads.
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.send-interval=200ms" })
@AutoConfigureMockMvc
class SubmissionPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedMailServer mailServer;

	Reports reports;

	static final RequestPostProcessor EDITOR = user("editor1").roles("EDITOR");

	static final RequestPostProcessor OTHER_EDITOR = user("editor2").roles("EDITOR");

	static final RequestPostProcessor REVIEWER = user("reviewer1").roles("REVIEWER");

	static final RequestPostProcessor VIEWER = user("viewer1").roles("VIEWER");

	@BeforeEach
	void setUp() {
		reports = new Reports(mailServer, jdbc);
	}

	private String page(long id, RequestPostProcessor who) throws Exception {
		return mvc.perform(get("/submissions/" + id).with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private String state(long id) {
		return jdbc.queryForObject("SELECT state FROM submission WHERE id = ?", String.class, id);
	}

	@Test
	void anEditorClaimsEditsAndSendsToReviewAndAReviewerSendsItBack() throws Exception {
		long id = reports.file(Reports.subject("动态", "越秀区推进老旧小区改造惠及3万户"), Reports.body("越秀区推进老旧小区改造，累计召开居民议事会286场。"));
		assertThat(page(id, VIEWER)).contains("越秀区推进老旧小区改造惠及3万户").contains("待处理").doesNotContain("id=\"claim\"");
		assertThat(page(id, EDITOR)).contains("id=\"claim\"");

		mvc.perform(post("/submissions/" + id + "/claim").with(EDITOR).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "已认领，可以编辑了。"));
		assertThat(state(id)).isEqualTo("IN_EDIT");
		// another editor cannot take it, edit it or release it
		mvc.perform(post("/submissions/" + id + "/claim").with(OTHER_EDITOR).with(csrf()))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("当前状态不允许")));
		mvc.perform(post("/submissions/" + id + "/edit").with(OTHER_EDITOR).with(csrf()).param("title", "别人的标题"))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("已由 editor1 认领")));

		mvc.perform(post("/submissions/" + id + "/edit").with(EDITOR).with(csrf()).param("type", "综合")
			.param("title", "越秀区老旧小区改造惠及3万余户<script>alert(1)</script>").param("text", "改写后的正文。\n第二段。").param("note", "压缩篇幅"))
			.andExpect(flash().attribute("notice", "已保存为新版本。"));
		mvc.perform(post("/submissions/" + id + "/edit").with(EDITOR).with(csrf()).param("type", "综合")
			.param("title", "越秀区老旧小区改造惠及3万余户<script>alert(1)</script>").param("text", "改写后的正文。\n第二段。"))
			.andExpect(flash().attribute("error", "没有改动，未保存新版本。"));

		var versions = jdbc.queryForList("SELECT version_no, editor, title FROM submission_version WHERE submission_id = ? ORDER BY version_no", id);
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0)).containsEntry("editor", "gateway").containsEntry("title", "越秀区推进老旧小区改造惠及3万户");
		assertThat(versions.get(1)).containsEntry("editor", "editor1");
		assertThat(jdbc.queryForObject("SELECT report_type FROM submission WHERE id = ?", String.class, id)).isEqualTo("综合");

		String withDiff = page(id, EDITOR);
		assertThat(withDiff).contains("第 1 版 → 第 2 版").contains("<ins>").contains("<del>")
			.contains("&lt;script&gt;").doesNotContain("<script>alert(1)</script>");

		mvc.perform(post("/submissions/" + id + "/submit").with(EDITOR).with(csrf())).andExpect(flash().attribute("notice", "已送审。"));
		assertThat(state(id)).isEqualTo("IN_REVIEW");
		// a reviewer sends it back with a comment; without one it is refused
		mvc.perform(post("/submissions/" + id + "/send-back").with(REVIEWER).with(csrf()))
			.andExpect(flash().attribute("error", "请填写意见或理由。"));
		mvc.perform(post("/submissions/" + id + "/send-back").with(REVIEWER).with(csrf()).param("comment", "数字请核实"))
			.andExpect(flash().attribute("notice", "已退回编辑。"));
		assertThat(state(id)).isEqualTo("IN_EDIT");
		assertThat(jdbc.queryForObject("SELECT claimed_by FROM submission WHERE id = ?", String.class, id)).isEqualTo("editor1");

		var kinds = jdbc.queryForList("SELECT kind FROM submission_event WHERE submission_id = ? ORDER BY id", String.class, id);
		assertThat(kinds).containsExactly("FILED", "CLAIMED", "EDITED", "SUBMITTED_FOR_REVIEW", "SENT_BACK");
		var audited = jdbc.queryForList("SELECT actor, action FROM audit_log WHERE target_type = 'submission' AND target_id = ? ORDER BY id",
				String.valueOf(id));
		assertThat(audited).extracting(r -> r.get("actor") + " " + r.get("action")).containsExactly("editor1 SUBMISSION_CLAIMED",
				"editor1 SUBMISSION_EDITED", "editor1 SUBMISSION_SUBMITTED_FOR_REVIEW", "reviewer1 SUBMISSION_SENT_BACK");
		assertThat(page(id, VIEWER)).contains("数字请核实").contains("退回编辑").contains("压缩篇幅");
	}

	@Test
	void aReturnIsMailedToTheUnitInItsThreadAndClosesTheSubmission() throws Exception {
		long id = reports.file(Reports.subject("动态", "越秀区开展冬季消防安全大检查"), Reports.body("越秀区开展冬季消防安全大检查，排查隐患120处。"));
		mvc.perform(post("/submissions/" + id + "/return").with(REVIEWER).with(csrf()).param("comment", "请补充整改完成情况和具体时间。"))
			.andExpect(flash().attribute("notice", "已退回单位修改，意见将通过邮件发出。"));
		assertThat(state(id)).isEqualTo("RETURNED");

		await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(jdbc.queryForObject(
				"SELECT o.status FROM outbound_mail o JOIN submission s ON s.inbound_id = o.inbound_id WHERE s.id = ? AND o.kind = 'RETURN'",
				String.class, id)));
		var mail = jdbc.queryForMap(
				"SELECT o.to_addr, o.subject, o.body_text, o.headers FROM outbound_mail o JOIN submission s ON s.inbound_id = o.inbound_id "
						+ "WHERE s.id = ? AND o.kind = 'RETURN'", id);
		String trackingNo = jdbc.queryForObject("SELECT tracking_no FROM submission WHERE id = ?", String.class, id);
		assertThat(mail.get("to_addr")).isEqualTo(Reports.YUEXIU);
		assertThat((String) mail.get("subject")).contains("退回修改").contains(trackingNo);
		assertThat((String) mail.get("body_text")).contains("请补充整改完成情况和具体时间。").contains("【更正:" + trackingNo + "】");
		assertThat((String) mail.get("headers")).contains("In-Reply-To:");

		// closed: no more acts
		mvc.perform(post("/submissions/" + id + "/not-adopt").with(EDITOR).with(csrf()).param("reason", "重复"))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("当前状态不允许")));
		assertThat(page(id, EDITOR)).doesNotContain("id=\"claim\"").doesNotContain("id=\"not-adopt\"");
	}

	@Test
	void notAdoptingNeedsAReason() throws Exception {
		long id = reports.file(Reports.subject("简讯", "越秀区举办社区运动会活动"), Reports.body("越秀区举办社区运动会，参与居民两千余人。"));
		mvc.perform(post("/submissions/" + id + "/not-adopt").with(EDITOR).with(csrf()).param("reason", " "))
			.andExpect(flash().attribute("error", "请填写意见或理由。"));
		assertThat(state(id)).isEqualTo("RECEIVED");
		mvc.perform(post("/submissions/" + id + "/not-adopt").with(EDITOR).with(csrf()).param("reason", "价值不高"));
		assertThat(state(id)).isEqualTo("NOT_ADOPTED");
		assertThat(jdbc.queryForObject("SELECT state_note FROM submission WHERE id = ?", String.class, id)).isEqualTo("价值不高");
	}

	@Test
	void theOriginalHtmlIsServedSanitizedInItsOwnLockedDownFrameAndAttachmentsAsDownloads() throws Exception {
		var html = new MimeBodyPart();
		html.setContent("<p onclick=\"steal()\">越秀区推进<b>垃圾分类</b>工作</p><script>alert(document.cookie)</script>"
				+ "<img src=\"http://tracker.example/pixel.gif\"><a href=\"javascript:alert(1)\">点我</a>", "text/html; charset=UTF-8");
		var text = new MimeBodyPart();
		text.setText(Reports.body("越秀区推进垃圾分类工作，新增定时定点投放点200个。"), "UTF-8");
		var alternative = new MimeMultipart("alternative", text, html);
		var message = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
		message.setFrom(Reports.YUEXIU);
		message.setRecipients(jakarta.mail.Message.RecipientType.TO, mailServer.address());
		message.setSubject(Reports.subject("动态", "越秀区推进垃圾分类工作成效明显"), "UTF-8");
		message.setContent(alternative);
		message.setSentDate(new Date());
		message.saveChanges();
		message.setHeader("Message-ID", "<html-original@unit.test>");
		var out = new ByteArrayOutputStream();
		message.writeTo(out);
		RawSmtp.send(mailServer.smtpPort(), Reports.YUEXIU, mailServer.address(), out.toByteArray());
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM submission s JOIN inbound_mail m ON m.id = s.inbound_id WHERE m.message_id = '<html-original@unit.test>'",
				Long.class) == 1);
		long id = jdbc.queryForObject(
				"SELECT s.id FROM submission s JOIN inbound_mail m ON m.id = s.inbound_id WHERE m.message_id = '<html-original@unit.test>'",
				Long.class);

		assertThat(page(id, VIEWER)).contains("<iframe sandbox=\"\"").contains("/submissions/" + id + "/mail-html");
		var response = mvc.perform(get("/submissions/" + id + "/mail-html").with(VIEWER)).andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", SubmissionController.MAIL_FRAME_CSP))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn().getResponse();
		String body = response.getContentAsString();
		assertThat(body).contains("<b>垃圾分类</b>").doesNotContain("<script").doesNotContain("onclick").doesNotContain("tracker.example")
			.doesNotContain("javascript:");
	}

	@Test
	void attachmentsAreDownloadsNeverRendered() throws Exception {
		var attachment = new MimeBodyPart();
		attachment.setContent(docx(),
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		attachment.setFileName(jakarta.mail.internet.MimeUtility.encodeText("越秀区报告.docx", "UTF-8", "B"));
		long id = reports.file(Reports.subject("动态", "越秀区推进河长制工作取得新进展"), "详见附件。\n\n越秀区政府", attachment);
		Long attachmentId = jdbc.queryForObject("SELECT id FROM submission_attachment WHERE submission_id = ? AND role = 'REPORT'", Long.class, id);
		mvc.perform(get("/submissions/" + id + "/attachments/" + attachmentId).with(VIEWER)).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/octet-stream"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("UTF-8''")));
		mvc.perform(get("/submissions/" + id + "/attachments/999999").with(VIEWER)).andExpect(status().isNotFound());
	}

	private static byte[] docx() throws Exception {
		try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(); var out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText("越秀区推进河长制工作取得新进展。全区河湖水质持续改善，巡河2300余次，解决问题180个。".repeat(3));
			for (String line : ("单位：越秀区政府\n签发人：王明\n报送人：李华\n联系电话：13800138000\n日期：" + Reports.TODAY).split("\n")) {
				document.createParagraph().createRun().setText(line);
			}
			document.write(out);
			return out.toByteArray();
		}
	}
}
