package org.baosong.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.RawSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reason codes and flags that depend on what came before, with the rules corpus's messages sent in
 * order into a database of their own: the same report twice (DUPLICATE), a corrected resend (CORRECTION,
 * NEAR_DUPLICATE), and a Message-ID used for two different messages (MESSAGE_ID_REUSED).
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.enabled=false",
		"baosong.intake.batch-size=5" })
class RuleSequencesTest {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theSameReportTwiceIsADuplicateAndACorrectedResendIsFlagged() throws Exception {
		String original = fixture("01-accepted-body-only");
		var first = send(original);
		assertThat(first.get("status")).isEqualTo("ACCEPTED");
		String trackingNo = jdbc.queryForObject("SELECT tracking_no FROM submission WHERE inbound_id = ?", String.class, first.get("id"));

		var again = send(original.replace("<rules-01@fixtures.test>", "<rules-01-again@fixtures.test>"));
		assertThat(again.get("status")).isEqualTo("REJECTED");
		assertThat(again.get("reason_codes")).isEqualTo("DUPLICATE");
		assertThat(jdbc.queryForObject("SELECT body_text FROM outbound_mail WHERE inbound_id = ?", String.class, again.get("id")))
			.contains(trackingNo);

		var correction = send(original.replace("<rules-01@fixtures.test>", "<rules-01-fix@fixtures.test>")
			.replace("Subject: 【动态】", "Subject: 【更正:" + trackingNo + "】【动态】")
			.replace("137个", "139个"));
		assertThat(correction.get("status")).as(String.valueOf(correction.get("reason_codes"))).isEqualTo("ACCEPTED");
		assertThat((String) correction.get("reason_codes")).contains("CORRECTION").contains("NEAR_DUPLICATE");
	}

	@Test
	void aMessageIdUsedForAnotherMessageIsFlagged() throws Exception {
		var first = send(fixture("09-accepted-urgent"));
		assertThat(first.get("status")).isEqualTo("ACCEPTED");
		String reusedId = (String) first.get("message_id");

		String other = fixture("10-accepted-source-note");
		String otherId = other.lines().filter(l -> l.startsWith("Message-ID:")).findFirst().orElseThrow().substring(11).strip();
		var second = send(other.replace(otherId, reusedId));
		assertThat(second.get("status")).isEqualTo("ACCEPTED");
		assertThat((String) second.get("reason_codes")).contains("MESSAGE_ID_REUSED").contains("SOURCE_NOTE");
	}

	@Test
	void aCommissionReplyAfterTheDeadlineIsFlaggedAndOneToAClosedCommissionIsRejected() throws Exception {
		jdbc.update("INSERT INTO commission (profile_id, code, topic, deadline, state, created_by, created_at) VALUES "
				+ "('guangzhou-2005', 'YG2026-07', '重点项目建设进展', '2026-01-01 00:00:00', 'OPEN', 'editor', NOW(3)), "
				+ "('guangzhou-2005', 'YG2026-08', '已结束的约稿', '2026-01-01 00:00:00', 'CLOSED', 'editor', NOW(3))");
		String report = fixture("07-accepted-labelled-spaced-subject");
		var late = send(report.replace("Subject: ", "Subject: 【约稿:yg2026-07】"));
		assertThat(late.get("status")).as(String.valueOf(late.get("reason_codes"))).isEqualTo("ACCEPTED");
		assertThat((String) late.get("reason_codes")).contains("LATE_COMMISSION");
		assertThat(jdbc.queryForObject("SELECT commission_code FROM submission WHERE inbound_id = ?", String.class, late.get("id")))
			.isEqualToIgnoringCase("YG2026-07");

		var closed = send(fixture("11-accepted-no-tag-unit-alias").replace("Subject: ", "Subject: 【约稿:YG2026-08】"));
		assertThat(closed.get("status")).isEqualTo("REJECTED");
		assertThat(closed.get("reason_codes")).isEqualTo("COMMISSION_CLOSED");
	}

	private static String fixture(String stem) throws Exception {
		return Files.readString(Path.of("mail-fixtures/rules", stem + ".eml"), StandardCharsets.UTF_8)
			.replace("{{TODAY_CN}}", TODAY.format(DateTimeFormatter.ofPattern("yyyy年M月d日")))
			.replace("{{TODAY}}", TODAY.toString());
	}

	private Map<String, Object> send(String message) throws Exception {
		long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM inbound_mail", Long.class);
		RawSmtp.send(mailServer.smtpPort(), "fixtures@test.example", mailServer.address(), message.getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM inbound_mail WHERE id > ? AND status <> 'RECEIVED'", Long.class, before) == 1);
		return jdbc.queryForMap("SELECT * FROM inbound_mail WHERE id > ?", before);
	}
}
