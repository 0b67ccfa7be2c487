package org.baosong.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;

import org.baosong.testsupport.TestDatabase;

/**
 * The gateway's database, as the harness reads it: outcomes and their times (stored as UTC, ADR 0006),
 * and the few rows the cursor test writes before the gateway starts. A fresh database per run
 * ({@link TestDatabase}: MariaDB on 127.0.0.1:3306 unless BAOSONG_TEST_DB_URL says otherwise; dropped when
 * the harness exits).
 */
final class BenchDatabase implements AutoCloseable {

	final TestDatabase.Settings settings;

	final String name;

	private final Connection connection;

	BenchDatabase() throws SQLException {
		if (!TestDatabase.isReal()) {
			throw new IllegalStateException("the benchmark needs the MySQL-protocol server (MariaDB on 127.0.0.1:3306 or BAOSONG_TEST_DB_URL)");
		}
		this.settings = TestDatabase.create();
		this.name = databaseName(settings.url());
		this.connection = DriverManager.getConnection(settings.url(), settings.username(), settings.password());
	}

	static String databaseName(String url) {
		String rest = url.substring(url.indexOf("//") + 2);
		rest = rest.substring(rest.indexOf('/') + 1);
		int q = rest.indexOf('?');
		return q < 0 ? rest : rest.substring(0, q);
	}

	/** The server's URL without a database, for cross-database statements. */
	String serverUrl() {
		return settings.url().replace("/" + name + "?", "/?");
	}

	void migrate() {
		Flyway.configure().dataSource(settings.url(), settings.username(), settings.password()).locations("classpath:db/migration").load().migrate();
	}

	/**
	 * The cursor test's "already processed" mailbox: the mailbox row, its cursor at {@code lastUid} and one
	 * ACCEPTED inbound_mail row per old message, as if the gateway had processed them all.
	 */
	void alreadyProcessed(String mailboxId, String host, int port, String user, String folder, long uidValidity, long lastUid) throws SQLException {
		var now = LocalDateTime.now(ZoneOffset.UTC);
		try (var s = connection.prepareStatement("INSERT INTO mailbox (id, protocol, host, port, username, folder, profile_id, active, created_at, "
				+ "updated_at) VALUES (?, 'imap', ?, ?, ?, ?, 'guangzhou-2005', TRUE, ?, ?)")) {
			s.setString(1, mailboxId);
			s.setString(2, host);
			s.setInt(3, port);
			s.setString(4, user);
			s.setString(5, folder);
			s.setObject(6, now);
			s.setObject(7, now);
			s.executeUpdate();
		}
		try (var s = connection.prepareStatement("INSERT INTO mailbox_cursor (mailbox_id, uidvalidity, last_uid, updated_at) VALUES (?, ?, ?, ?)")) {
			s.setString(1, mailboxId);
			s.setLong(2, uidValidity);
			s.setLong(3, lastUid);
			s.setObject(4, now);
			s.executeUpdate();
		}
		connection.setAutoCommit(false);
		try (var s = connection.prepareStatement("INSERT INTO inbound_mail (mailbox_id, uidvalidity, uid, size_bytes, sha256, message_id, from_addr, "
				+ "subject, received_at, status, processed_at, attempts) VALUES (?, ?, ?, 1000, ?, ?, 'old@bench.baosong.test', ?, ?, 'ACCEPTED', ?, 1)")) {
			for (long uid = 1; uid <= lastUid; uid++) {
				s.setString(1, mailboxId);
				s.setLong(2, uidValidity);
				s.setLong(3, uid);
				s.setString(4, "%064x".formatted(uid));
				s.setString(5, "<old-" + uid + "@bench.baosong.test>");
				s.setString(6, "old message " + uid);
				s.setObject(7, now.minusDays(1));
				s.setObject(8, now.minusDays(1));
				s.addBatch();
				if (uid % 1000 == 0) {
					s.executeBatch();
					connection.commit();
				}
			}
			s.executeBatch();
			connection.commit();
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	/** Messages of the mailbox that have an outcome (anything but RECEIVED). */
	int outcomes(String mailboxId) throws SQLException {
		try (var s = connection.prepareStatement("SELECT COUNT(*) FROM inbound_mail WHERE mailbox_id = ? AND status <> 'RECEIVED'")) {
			s.setString(1, mailboxId);
			try (var rs = s.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	/** The time the last outcome of the mailbox was recorded. */
	Instant lastOutcome(String mailboxId) throws SQLException {
		try (var s = connection.prepareStatement("SELECT MAX(processed_at) FROM inbound_mail WHERE mailbox_id = ? AND status <> 'RECEIVED'")) {
			s.setString(1, mailboxId);
			try (var rs = s.executeQuery()) {
				rs.next();
				var t = rs.getObject(1, LocalDateTime.class);
				return t == null ? null : t.toInstant(ZoneOffset.UTC);
			}
		}
	}

	/** Status and reason codes, with how many messages of the mailbox ended so. */
	Map<String, Integer> outcomeSummary(String mailboxId) throws SQLException {
		var out = new TreeMap<String, Integer>();
		try (var s = connection.prepareStatement("SELECT status, COALESCE(reason_codes, ''), COUNT(*) FROM inbound_mail WHERE mailbox_id = ? "
				+ "GROUP BY status, reason_codes")) {
			s.setString(1, mailboxId);
			try (var rs = s.executeQuery()) {
				while (rs.next()) {
					out.put(rs.getString(1) + (rs.getString(2).isEmpty() ? "" : " " + rs.getString(2)), rs.getInt(3));
				}
			}
		}
		return out;
	}

	/** Message-ID to {received_at, processed_at (null while RECEIVED)}, and the status, of one mailbox. */
	Map<String, Object[]> times(String mailboxId) throws SQLException {
		var out = new HashMap<String, Object[]>();
		try (var s = connection.prepareStatement("SELECT message_id, received_at, processed_at, status, reason_codes FROM inbound_mail WHERE mailbox_id = ?")) {
			s.setString(1, mailboxId);
			try (var rs = s.executeQuery()) {
				while (rs.next()) {
					var received = rs.getObject(2, LocalDateTime.class);
					var processed = rs.getObject(3, LocalDateTime.class);
					out.put(rs.getString(1), new Object[] { received == null ? null : received.toInstant(ZoneOffset.UTC),
							processed == null ? null : processed.toInstant(ZoneOffset.UTC), rs.getString(4), rs.getString(5) });
				}
			}
		}
		return out;
	}

	/** "STATUS REASONS" and the processed_at of each message of the mailbox, in UID order. */
	java.util.List<Object[]> inUidOrder(String mailboxId) throws SQLException {
		var out = new java.util.ArrayList<Object[]>();
		try (var s = connection.prepareStatement("SELECT status, reason_codes, processed_at FROM inbound_mail WHERE mailbox_id = ? ORDER BY uid")) {
			s.setString(1, mailboxId);
			try (var rs = s.executeQuery()) {
				while (rs.next()) {
					var processed = rs.getObject(3, LocalDateTime.class);
					out.add(new Object[] { rs.getString(1) + (rs.getString(2) == null ? "" : " " + rs.getString(2)),
							processed == null ? null : processed.toInstant(ZoneOffset.UTC) });
				}
			}
		}
		return out;
	}

	/** The highest id of every table with an auto-increment id: which rows a phase wrote. */
	Map<String, Long> idSnapshot() throws SQLException {
		var tables = new java.util.ArrayList<String>();
		try (var s = connection.prepareStatement("SELECT table_name FROM information_schema.columns WHERE table_schema = ? AND column_name = 'id' "
				+ "AND extra LIKE '%auto_increment%' ORDER BY table_name")) {
			s.setString(1, name);
			try (var rs = s.executeQuery()) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
		}
		var out = new LinkedHashMap<String, Long>();
		for (String table : tables) {
			try (var rs = connection.createStatement().executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
				rs.next();
				out.put(table, rs.getLong(1));
			}
		}
		return out;
	}

	static Timestamp utc(Instant instant) {
		return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	@Override
	public void close() throws SQLException {
		connection.close();
	}
}
