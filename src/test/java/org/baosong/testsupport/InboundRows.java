package org.baosong.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.baosong.archive.BlobStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Rows of the inbound mail log and the outbox written straight into the tables, for tests of the pages that
 * show them: a message in any state without waiting for intake to put it there. Times are stored as UTC
 * (docs/adr/0006). Messages are of the embedded demo mailbox.
 */
public final class InboundRows {

	private final JdbcTemplate jdbc;

	private final BlobStore blobs;

	public InboundRows(JdbcTemplate jdbc, BlobStore blobs) {
		this.jdbc = jdbc;
		this.blobs = blobs;
	}

	/** A plain-text message from this sender, with a unique Message-ID, as raw bytes. */
	public static byte[] rawMessage(String from, String subject) {
		String id = UUID.randomUUID().toString();
		return ("From: " + from + "\r\nTo: submit@baosong.test\r\nSubject: " + subject + "\r\nMessage-ID: <" + id + "@test.example>\r\n"
				+ "Date: Fri, 20 Nov 2026 09:30:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
				+ "test message " + id + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Inserts a processed message with its raw bytes archived; {@code subject} must be ASCII (it goes into the
	 * raw header as it is). Returns its id.
	 */
	public long insert(String status, String reasonCodes, Instant receivedAt, String from, String subject) throws IOException {
		byte[] raw = rawMessage(from, subject);
		var stored = blobs.store(new ByteArrayInputStream(raw));
		return insertRow(status, reasonCodes, receivedAt, from, subject, stored.sha256(), stored.sha256(), raw.length);
	}

	/**
	 * Inserts a message as the receiver leaves it, RECEIVED at that time and waiting for processing, its raw
	 * bytes archived: a message that waited in the backlog. Intake picks it up. Returns its id.
	 */
	public long insertReceived(byte[] raw, Instant receivedAt, String from) throws IOException {
		var stored = blobs.store(new ByteArrayInputStream(raw));
		return insertRow("RECEIVED", null, receivedAt, from, null, stored.sha256(), stored.sha256(), raw.length);
	}

	/** Inserts a processed message whose raw bytes are not in the archive (over-size or purged). */
	public long insertWithoutRaw(String status, String reasonCodes, Instant receivedAt, String from, String subject) {
		return insertRow(status, reasonCodes, receivedAt, from, subject, null, UUID.randomUUID().toString().replace("-", "").repeat(2), 123);
	}

	private long insertRow(String status, String reasonCodes, Instant receivedAt, String from, String subject, String rawBlob,
			String sha256, long size) {
		var keys = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var statement = connection.prepareStatement("INSERT INTO inbound_mail (mailbox_id, size_bytes, sha256, raw_blob, from_addr, "
					+ "subject, received_at, status, reason_codes, processed_at, attempts) VALUES ('demo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			statement.setLong(1, size);
			statement.setString(2, sha256);
			statement.setString(3, rawBlob);
			statement.setString(4, from);
			statement.setString(5, subject);
			statement.setObject(6, utc(receivedAt));
			statement.setString(7, status);
			statement.setString(8, reasonCodes);
			statement.setObject(9, status.equals("RECEIVED") ? null : utc(receivedAt));
			statement.setInt(10, status.equals("RECEIVED") ? 0 : 1);
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	/** Inserts an outbound mail answering an inbound message (or none); returns its id. */
	public long insertOutbound(Long inboundId, String kind, String to, String subject, String status, String lastError) {
		var keys = new GeneratedKeyHolder();
		String dedup = "test:" + UUID.randomUUID();
		jdbc.update(connection -> {
			var statement = connection.prepareStatement("INSERT INTO outbound_mail (inbound_id, kind, dedup_key, to_addr, subject, body_text, "
					+ "message_id, status, attempts, next_attempt_at, last_error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			statement.setObject(1, inboundId);
			statement.setString(2, kind);
			statement.setString(3, dedup);
			statement.setString(4, to);
			statement.setString(5, subject);
			statement.setString(6, "正文：" + subject);
			statement.setString(7, "<" + UUID.randomUUID() + "@baosong.test>");
			statement.setString(8, status);
			statement.setInt(9, status.equals("FAILED") ? 8 : 0);
			// far in the future, so that the sender does not pick a PENDING test row up while a test looks at it
			statement.setObject(10, utc(Instant.now().plusSeconds(86_400)));
			statement.setString(11, lastError);
			statement.setObject(12, utc(Instant.now()));
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	/** As the application stores instants: UTC wall-clock time, passed as a LocalDateTime so that no driver shifts it. */
	private static LocalDateTime utc(Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
