package org.baosong.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.mail.MessagingException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.baosong.archive.BlobStore;
import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.InboundRows;
import org.baosong.testsupport.UnitMailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node died holding outbox rows (its lease ran out): the running sender takes them up and sends them.
 * One it had stamped as being handed to the relay may be at the relay already; it is sent again with its
 * Message-ID and counted in doubt (ADR 0024). One it had claimed and not begun is sent, not in doubt.
 */
@GatewayTest(properties = "baosong.demo.enabled=true")
class OutboxRecoveryTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BlobStore blobs;

	@Autowired
	EmbeddedMailServer mailServer;

	InboundRows rows;

	final String tag = "r" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void rows() {
		rows = new InboundRows(jdbc, blobs);
	}

	@Test
	void rowsOfADeadNodeAreSentAndAHandOverInDoubtIsCounted() throws MessagingException {
		String to = tag + "@unit.test";
		long handed = rows.insertOutbound(null, "RECEIPT", to, "【已收到】handed " + tag, "PENDING", null);
		long claimedOnly = rows.insertOutbound(null, "RECEIPT", to, "【已收到】claimed " + tag, "PENDING", null);
		LocalDateTime expired = LocalDateTime.ofInstant(Instant.now().minusSeconds(1), ZoneOffset.UTC);
		jdbc.update("UPDATE outbound_mail SET lease_owner = 'dead-node#out1', next_attempt_at = ?, handed_at = ? WHERE id = ?", expired,
				expired.minusSeconds(2), handed);
		jdbc.update("UPDATE outbound_mail SET lease_owner = 'dead-node#out1', next_attempt_at = ? WHERE id = ?", expired, claimedOnly);

		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM outbound_mail WHERE id IN (?, ?) AND status = 'SENT'", Integer.class, handed, claimedOnly) == 2);

		assertThat(jdbc.queryForMap("SELECT in_doubt, handed_at, lease_owner, attempts FROM outbound_mail WHERE id = ?", handed))
			.containsEntry("in_doubt", 1).containsEntry("handed_at", null).containsEntry("lease_owner", null).containsEntry("attempts", 1);
		assertThat(jdbc.queryForObject("SELECT in_doubt FROM outbound_mail WHERE id = ?", Integer.class, claimedOnly)).isZero();
		String messageId = jdbc.queryForObject("SELECT message_id FROM outbound_mail WHERE id = ?", String.class, handed);
		var mailbox = new UnitMailbox(mailServer, to);
		var received = mailbox.await(m -> {
			try {
				return messageId.equals(m.getMessageID());
			}
			catch (MessagingException ex) {
				return false;
			}
		});
		assertThat(received.getSubject()).isEqualTo("【已收到】handed " + tag);
	}
}
