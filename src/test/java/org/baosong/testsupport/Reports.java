package org.baosong.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;

import jakarta.mail.internet.MimeBodyPart;

import org.baosong.mailbox.EmbeddedMailServer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sends well-formed reports from the demo registry's informants to the embedded mailbox and waits
 * until the gateway has filed them: for tests that need real submissions (demo registry on).
 */
public final class Reports {

	/** 越秀区's informant in the demo registry. */
	public static final String YUEXIU = "xxb.d01@demo.baosong.test";

	public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	private final EmbeddedMailServer mailServer;

	private final JdbcTemplate jdbc;

	public Reports(EmbeddedMailServer mailServer, JdbcTemplate jdbc) {
		this.mailServer = mailServer;
		this.jdbc = jdbc;
	}

	/** A subject of the default grammar for 越秀区 with this type and title. */
	public static String subject(String type, String title) {
		return "【" + type + "】越秀区|" + title + "|签发人:王明|报送人:李华|13800138000|" + TODAY;
	}

	/** A body-only report's text: the text repeated to a plausible length, then the 落款. */
	public static String body(String text) {
		return text.repeat(Math.max(1, 400 / Math.max(1, text.length()))) + "\n\n单位：越秀区政府\n签发人：王明\n报送人：李华\n联系电话：13800138000\n日期："
				+ TODAY;
	}

	/** Sends a report and returns the id of the submission it was filed as (fails when it was not accepted in time). */
	public long file(String subject, String body, MimeBodyPart... attachments) throws Exception {
		return filed(send(YUEXIU, subject, body, attachments));
	}

	/** Waits until the gateway has judged the message and returns its submission's id (fails when it was not accepted in time). */
	public long filed(String messageId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM inbound_mail WHERE message_id = ? AND status <> 'RECEIVED'", Long.class, messageId) == 1);
		String status = jdbc.queryForObject("SELECT status FROM inbound_mail WHERE message_id = ?", String.class, messageId);
		if (!"ACCEPTED".equals(status)) {
			throw new AssertionError("report " + messageId + " was " + status + ": "
					+ jdbc.queryForObject("SELECT reason_codes FROM inbound_mail WHERE message_id = ?", String.class, messageId));
		}
		return jdbc.queryForObject("SELECT s.id FROM submission s JOIN inbound_mail m ON m.id = s.inbound_id WHERE m.message_id = ?",
				Long.class, messageId);
	}

	public String send(String from, String subject, String body, MimeBodyPart... attachments) throws Exception {
		String messageId = "<" + UUID.randomUUID() + "@unit.test>";
		RawSmtp.send(mailServer.smtpPort(), from, mailServer.address(), raw(from, subject, body, new Date(), messageId, attachments));
		return messageId;
	}

	/** A report to the gateway's mailbox as raw bytes, with this Date: header (the sender's clock) and Message-ID. */
	public byte[] raw(String from, String subject, String body, Date sent, String messageId, MimeBodyPart... attachments) throws Exception {
		var message = TestMails.mail(from, mailServer.address(), subject, body, attachments);
		message.setSentDate(sent);
		message.saveChanges();
		message.setHeader("Message-ID", messageId);
		var out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toByteArray();
	}
}
