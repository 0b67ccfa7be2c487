package org.baosong.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.RawSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A message over the size limit from a registered informant: never downloaded, rejected, answered from its envelope. */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.enabled=false",
		"baosong.embedded-mail.max-message-size=20KB" })
class OversizeReplyTest {

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void sizesAreStatedAsAnOfficeWouldReadThem() {
		assertThat(IntakeSteps.size(300)).isEqualTo("1 KB");
		assertThat(IntakeSteps.size(176_178)).isEqualTo("172 KB");
		assertThat(IntakeSteps.size(3_565_158)).isEqualTo("3.4 MB");
		assertThat(IntakeSteps.size(52_428_800)).isEqualTo("50 MB");
	}

	@Test
	void anOverSizeMessageIsRejectedWithAReplyAndNeverDownloaded() throws Exception {
		String message = "From: xxb.d07@demo.baosong.test\r\nTo: submit@baosong.test\r\nSubject: =?UTF-8?B?"
				+ java.util.Base64.getEncoder().encodeToString("番禺区的大附件".getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
				+ "Message-ID: <oversize@fixtures.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
				+ "x".repeat(60_000) + "\r\n";
		RawSmtp.send(mailServer.smtpPort(), "xxb.d07@demo.baosong.test", mailServer.address(), message.getBytes(StandardCharsets.UTF_8));

		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM inbound_mail WHERE status = 'REJECTED'", Long.class) == 1);
		var row = jdbc.queryForMap("SELECT * FROM inbound_mail WHERE status = 'REJECTED'");
		assertThat(row.get("reason_codes")).isEqualTo("MESSAGE_TOO_LARGE");
		assertThat(row.get("raw_blob")).isNull();
		assertThat(row.get("subject")).isEqualTo("番禺区的大附件");
		var reply = jdbc.queryForMap("SELECT * FROM outbound_mail WHERE inbound_id = ?", row.get("id"));
		assertThat(reply.get("kind")).isEqualTo("REJECTION");
		assertThat(reply.get("to_addr")).isEqualTo("xxb.d07@demo.baosong.test");
		assertThat((String) reply.get("body_text")).contains("邮件过大")
			.containsPattern("邮件大小约 (58|59|60) KB，超过报送邮箱 20 KB 的上限");
		assertThat((String) reply.get("headers")).contains("<oversize@fixtures.test>");
	}
}
