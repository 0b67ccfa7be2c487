package org.baosong.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.RawSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What units feel every day, through the whole gateway (embedded mailbox, MariaDB, demo registry): a
 * correct mail is filed and answered with a receipt, a wrong one is answered with every reason and its
 * fix, automatic and unknown mail is never answered, limits hold, and classified content leaves no trace.
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.send-interval=200ms",
		"baosong.screening.purge-from-mailbox=true", "baosong.screening.alert-addresses=security@office.test" })
class SubmissionFlowTest {

	static final String INFORMANT = "xxb.d01@demo.baosong.test";

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	static final String SIGN = "\n\n单位：越秀区政府\n签发人：王明\n报送人：李华\n联系电话：13800138000\n日期：" + TODAY;

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Value("${baosong.data-dir}")
	Path dataDir;

	static String subject(String title) {
		return "【动态】越秀区|" + title + "|签发人:王明|报送人:李华|13800138000|" + TODAY;
	}

	@Test
	void aCorrectReportIsFiledScoredAndAnsweredWithAReceipt() throws Exception {
		String messageId = send(INFORMANT, subject("越秀区推进老旧小区改造惠及3万户"), "越秀区推进老旧小区改造，累计召开居民议事会286场。".repeat(10) + SIGN);

		var row = awaitOutcome(messageId);
		assertThat(row.get("status")).isEqualTo("ACCEPTED");
		var submission = jdbc.queryForMap("SELECT * FROM submission WHERE inbound_id = ?", row.get("id"));
		assertThat((String) submission.get("tracking_no")).matches("GZ-" + TODAY.getYear() + "-\\d{6}");
		assertThat(submission.get("title")).isEqualTo("越秀区推进老旧小区改造惠及3万户");
		assertThat(submission.get("signer")).isEqualTo("王明");
		assertThat(submission.get("reporter")).isEqualTo("李华");
		assertThat(submission.get("sequence_code")).isEqualTo("district");
		assertThat(submission.get("state")).isEqualTo("RECEIVED");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission_event WHERE submission_id = ? AND kind = 'FILED'", Long.class,
				submission.get("id"))).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM score_entry WHERE submission_id = ? AND event_kind = 'SUBMISSION_ACCEPTED'",
				Long.class, submission.get("id"))).isEqualTo(1);

		MimeMessage receipt = awaitReply(INFORMANT, messageId);
		assertThat(receipt.getSubject()).startsWith("【已收到】").contains((String) submission.get("tracking_no"));
		assertThat(receipt.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
		assertThat(receipt.getHeader("X-Auto-Response-Suppress")[0]).isEqualTo("All");
		assertThat(receipt.getHeader("X-Loop")[0]).isEqualTo("baosong-gateway");
		assertThat(receipt.getHeader("References")[0]).contains(messageId);
		assertThat(receipt.getMessageID()).isNotBlank().isNotEqualTo(messageId);
		assertThat(text(receipt)).contains((String) submission.get("tracking_no")).contains("越秀区推进老旧小区改造惠及3万户").contains("区（县级市）序列");
	}

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Test
	void anAttachedReportIsReadAndItsTextTitleAndCountsAreStoredAndShown() throws Exception {
		var report = new MimeBodyPart();
		report.attachFile(Path.of("src/test/resources/screening/report1.docx").toFile());
		report.setFileName("越秀区老旧小区改造.docx");
		String messageId = send("xxb.d06@demo.baosong.test", "【动态】天河区|越秀区多措并举推进老旧小区改造|签发人:王明|报送人:李华|13800138000|" + TODAY,
				"见附件。\n\n单位：天河区政府\n签发人：王明\n报送人：李华\n联系电话：13800138000\n日期：" + TODAY, report);

		var row = awaitOutcome(messageId);
		assertThat(row.get("status")).as(String.valueOf(row.get("reason_codes"))).isEqualTo("ACCEPTED");
		long submissionId = jdbc.queryForObject("SELECT id FROM submission WHERE inbound_id = ?", Long.class, row.get("id"));

		var http = java.net.http.HttpClient.newHttpClient();
		String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:"
				+ org.baosong.testsupport.GatewayTestInitializer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/submissions/"
				+ submissionId)).header("Authorization", auth).build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		var detail = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
		var attachment = detail.path("attachments").get(0);
		assertThat(attachment.path("role").asString()).isEqualTo("REPORT");
		assertThat(attachment.path("extractionStatus").asString()).isEqualTo("OK");
		assertThat(attachment.path("title").asString()).isEqualTo("越秀区多措并举推进老旧小区改造惠及3万户居民");
		assertThat(attachment.path("charCount").asInt()).isPositive();
		assertThat(attachment.path("text").asString()).contains("累计召开居民议事会286场");
		assertThat(detail.path("submission").path("text").asString()).contains("累计召开居民议事会286场");
		assertThat(detail.path("events").get(0).path("kind").asString()).isEqualTo("FILED");

		var stats = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/stats/outcomes?from="
				+ TODAY + "&to=" + TODAY)).header("Authorization", auth).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(stats.statusCode()).isEqualTo(200);
		assertThat(stats.body()).contains("\"outcome\":\"ACCEPTED\"").contains("天河区政府");
	}

	@Test
	void aWrongMailIsAnsweredWithEveryReasonAndItsFix() throws Exception {
		String messageId = send(INFORMANT, "【动态】越秀区|老旧小区改造进展|签发人:王明|1380013800", "请查收。" + SIGN);

		var row = awaitOutcome(messageId);
		assertThat(row.get("status")).isEqualTo("REJECTED");
		assertThat((String) row.get("reason_codes")).contains("SUBJECT_MISSING_FIELDS").contains("PHONE_INVALID").contains("NO_REPORT");

		String body = text(awaitReply(INFORMANT, messageId));
		assertThat(body).contains("邮件主题缺少要素").contains("联系电话格式不对").contains("邮件中没有信息内容")
			.contains("【动态】越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20")
			.contains("老旧小区改造进展");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE inbound_id = ?", Long.class, row.get("id"))).isZero();
	}

	@Test
	void automaticAndUnknownMailIsNeverAnswered() throws Exception {
		String ooo = send(INFORMANT, "自动回复：我正在休假", "我将于下周回来。", "Auto-Submitted: auto-replied");
		String stranger = send("stranger@example.gov.cn", subject("不明来源的报送"), "内容。".repeat(100) + SIGN);

		assertThat(awaitOutcome(ooo).get("status")).isEqualTo("IGNORED");
		assertThat(awaitOutcome(stranger).get("status")).isEqualTo("QUARANTINED");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE inbound_id IN (?, ?)", Long.class,
				awaitOutcome(ooo).get("id"), awaitOutcome(stranger).get("id"))).isZero();
	}

	@Test
	void fiftyBadMailsFromOneSenderGetOneRejection() throws Exception {
		String sender = "xxb.d02@demo.baosong.test";
		var ids = new ArrayList<String>();
		for (int i = 0; i < 50; i++) {
			ids.add(send(sender, "荔湾区的报送" + i, "请查收。"));
		}
		for (String id : ids) {
			assertThat(awaitOutcome(id).get("status")).isEqualTo("REJECTED");
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE to_addr = ? AND kind = 'REJECTION'", Long.class, sender))
			.isEqualTo(1);
	}

	@Test
	void anOutOfOfficeAnswerToOurRejectionGetsNoAnswer() throws Exception {
		String sender = "xxb.d03@demo.baosong.test";
		String original = send(sender, "海珠区的报送", "请查收。");
		MimeMessage rejection = awaitReply(sender, original);

		String autoAnswer = send(sender, "自动回复: " + rejection.getSubject(), "我正在休假。", "Auto-Submitted: auto-replied",
				"In-Reply-To: " + rejection.getMessageID());
		var row = awaitOutcome(autoAnswer);
		assertThat(row.get("status")).isEqualTo("IGNORED");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE inbound_id = ?", Long.class, row.get("id"))).isZero();
	}

	@Test
	void aReplyWhoseSendingWasInterruptedIsSentOnceWhenTheSenderRuns() throws Exception {
		var sender = context.getBean("outboxSender", org.springframework.context.SmartLifecycle.class);
		sender.stop();
		try {
			String to = "xxb.d05@demo.baosong.test";
			String messageId = send(to, "白云区的报送", "请查收。");
			var row = awaitOutcome(messageId);
			assertThat(jdbc.queryForObject("SELECT status FROM outbound_mail WHERE inbound_id = ?", String.class, row.get("id")))
				.isEqualTo("PENDING");
			sender.start();
			awaitReply(to, messageId);
			await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(
					jdbc.queryForObject("SELECT status FROM outbound_mail WHERE inbound_id = ?", String.class, row.get("id"))));
			assertThat(replies(to, messageId)).hasSize(1);
		}
		finally {
			if (!sender.isRunning()) {
				sender.start();
			}
		}
	}

	@Test
	void classifiedContentLeavesNoTraceInTheDatabaseOrTheDataDirectory() throws Exception {
		String marker = "MARKER-" + System.nanoTime();
		var attachment = new MimeBodyPart();
		attachment.setText("附件正文 " + marker, "UTF-8");
		attachment.setFileName("情况报告.txt");
		attachment.setDisposition("attachment");
		String messageId = send(INFORMANT, subject("关于某事项的情况 " + marker), "机密★1年\n" + marker + "\n" + "内容。".repeat(60) + SIGN,
				attachment);

		var row = awaitOutcome(messageId);
		assertThat(row.get("status")).isEqualTo("REJECTED");
		assertThat((String) row.get("reason_codes")).contains("CLASSIFIED_MARKING");
		MimeMessage reply = awaitReply(INFORMANT, messageId);
		assertThat(text(reply)).contains("机要渠道").doesNotContain(marker);
		assertThat(reply.getSubject()).doesNotContain(marker);

		// the administrators were alerted (without the content), and the mailbox holds no copy
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> !alerts().isEmpty());
		assertThat(alerts().get(0).getSubject()).contains("含密级标志").doesNotContain(marker);
		assertThat(text(alerts().get(0))).doesNotContain(marker);
		assertThat(submissionMailboxHolds(messageId)).isFalse();

		for (String table : List.of("inbound_mail", "inbound_part", "outbound_mail", "submission", "submission_event", "score_entry")) {
			for (var r : jdbc.queryForList("SELECT * FROM " + table)) {
				assertThat(r.values().toString()).as(table).doesNotContain(marker);
			}
		}
		try (Stream<Path> files = Files.walk(dataDir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
					.doesNotContain(marker);
			}
		}
	}

	// ---- helpers ----

	private String send(String from, String subject, String body, Object... extras) throws Exception {
		var parts = Stream.of(extras).filter(MimeBodyPart.class::isInstance).map(MimeBodyPart.class::cast).toArray(MimeBodyPart[]::new);
		var message = org.baosong.testsupport.TestMails.mail(from, mailServer.address(), subject, body, parts);
		message.setSentDate(new Date());
		message.saveChanges();
		String messageId = "<" + java.util.UUID.randomUUID() + "@unit.test>";
		message.setHeader("Message-ID", messageId);
		Stream.of(extras).filter(String.class::isInstance).map(String.class::cast).forEach(header -> {
			try {
				message.setHeader(header.substring(0, header.indexOf(':')), header.substring(header.indexOf(':') + 1).strip());
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		});
		var out = new ByteArrayOutputStream();
		message.writeTo(out);
		RawSmtp.send(mailServer.smtpPort(), from, mailServer.address(), out.toByteArray());
		return messageId;
	}

	private java.util.Map<String, Object> awaitOutcome(String messageId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM inbound_mail WHERE message_id = ? AND status <> 'RECEIVED'", Long.class, messageId) == 1);
		return jdbc.queryForMap("SELECT * FROM inbound_mail WHERE message_id = ?", messageId);
	}

	private MimeMessage awaitReply(String to, String originalMessageId) throws Exception {
		// until the first reply arrives the mailbox does not exist and the login fails
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> !replies(to, originalMessageId).isEmpty());
		return replies(to, originalMessageId).get(0);
	}

	/** The gateway's replies in the informant's mailbox (GreenMail creates it on delivery: login and password are the address). */
	private List<MimeMessage> replies(String to, String originalMessageId) throws Exception {
		var found = new ArrayList<MimeMessage>();
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect(mailServer.host(), mailServer.imapPort(), to, to);
		try {
			Folder inbox = store.getFolder("INBOX");
			if (!inbox.exists()) {
				return found;
			}
			inbox.open(Folder.READ_ONLY);
			for (Message message : inbox.getMessages()) {
				String[] inReplyTo = message.getHeader("In-Reply-To");
				if (inReplyTo != null && inReplyTo[0].contains(originalMessageId)) {
					found.add(new MimeMessage((MimeMessage) message));
				}
			}
			inbox.close(false);
		}
		finally {
			store.close();
		}
		return found;
	}

	private List<MimeMessage> alerts() throws Exception {
		var found = new ArrayList<MimeMessage>();
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect(mailServer.host(), mailServer.imapPort(), "security@office.test", "security@office.test");
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			for (Message message : inbox.getMessages()) {
				found.add(new MimeMessage((MimeMessage) message));
			}
			inbox.close(false);
		}
		finally {
			store.close();
		}
		return found;
	}

	private boolean submissionMailboxHolds(String messageId) throws Exception {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect(mailServer.host(), mailServer.imapPort(), mailServer.address(), mailServer.password());
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			for (Message message : inbox.getMessages()) {
				String[] ids = message.getHeader("Message-ID");
				if (ids != null && ids[0].contains(messageId)) {
					return true;
				}
			}
			return false;
		}
		finally {
			store.close();
		}
	}

	private static String text(MimeMessage message) throws IOException, jakarta.mail.MessagingException {
		return String.valueOf(message.getContent());
	}
}
