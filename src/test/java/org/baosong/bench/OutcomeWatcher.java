package org.baosong.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches one mailbox's inbound_mail rows from the outside, every few milliseconds, and notes when each row
 * first appeared (its receipt committed) and when its outcome first showed (committed). The gateway stores
 * its times to the second (ADR 0006), too coarse for latencies; a reader's first sight is what "filed"
 * means to everyone else anyway. Its own connection; the polling costs the database a little CPU, counted
 * with the database's.
 */
final class OutcomeWatcher implements AutoCloseable {

	/** One message as seen: times are the harness's clock, the same machine's as the gateway's. */
	static final class Seen {

		final long id;

		volatile Long uid;

		volatile String messageId;

		volatile Instant received;

		volatile Instant done;

		volatile String outcome;

		Seen(long id) {
			this.id = id;
		}
	}

	private final Connection connection;

	private final String mailboxId;

	private final long afterId;

	private final long intervalMillis;

	private final Map<Long, Seen> seen = new ConcurrentHashMap<>();

	private final Thread thread;

	private volatile boolean running = true;

	private volatile SQLException failure;

	OutcomeWatcher(BenchDatabase db, String mailboxId, long intervalMillis) throws SQLException {
		this.connection = DriverManager.getConnection(db.settings.url(), db.settings.username(), db.settings.password());
		this.mailboxId = mailboxId;
		this.intervalMillis = intervalMillis;
		try (var s = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM inbound_mail")) {
			try (var rs = s.executeQuery()) {
				rs.next();
				this.afterId = rs.getLong(1);
			}
		}
		this.thread = new Thread(this::run, "outcome-watcher-" + mailboxId);
		thread.setDaemon(true);
		thread.start();
	}

	private void run() {
		try (var s = connection.prepareStatement("SELECT id, uid, message_id, status, reason_codes FROM inbound_mail WHERE mailbox_id = ? AND id > ?")) {
			s.setString(1, mailboxId);
			s.setLong(2, afterId);
			while (running) {
				try (var rs = s.executeQuery()) {
					Instant now = Instant.now();
					while (rs.next()) {
						var row = seen.computeIfAbsent(rs.getLong(1), Seen::new);
						if (row.received == null) {
							row.received = now;
							long uid = rs.getLong(2);
							row.uid = rs.wasNull() ? null : uid;
						}
						if (row.done == null && !"RECEIVED".equals(rs.getString(4))) {
							row.messageId = rs.getString(3);
							row.outcome = rs.getString(4) + (rs.getString(5) == null ? "" : " " + rs.getString(5));
							row.done = now;
						}
					}
				}
				Thread.sleep(intervalMillis);
			}
		}
		catch (SQLException ex) {
			failure = ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Messages whose outcome has been seen. */
	int done() throws SQLException {
		if (failure != null) {
			throw failure;
		}
		return (int) seen.values().stream().filter(s -> s.done != null).count();
	}

	/** When the last outcome was first seen; null before any. */
	Instant lastDone() {
		return seen.values().stream().map(s -> s.done).filter(d -> d != null).max(Comparator.naturalOrder()).orElse(null);
	}

	Seen byMessageId(String messageId) {
		return seen.values().stream().filter(s -> messageId.equals(s.messageId)).findFirst().orElse(null);
	}

	/** The rows seen, in UID order (the order of the COPY). */
	List<Seen> inUidOrder() {
		var out = new ArrayList<>(seen.values());
		out.sort(Comparator.comparing((Seen s) -> s.uid == null ? Long.MAX_VALUE : s.uid).thenComparingLong(s -> s.id));
		return out;
	}

	/** Waits until {@code count} outcomes have been seen or the time is up. */
	boolean await(int count, java.time.Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (done() >= count) {
				return true;
			}
			Thread.sleep(Math.max(5, intervalMillis / 2));
		}
		return done() >= count;
	}

	@Override
	public void close() throws SQLException {
		running = false;
		thread.interrupt();
		try {
			thread.join(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		connection.close();
	}
}
