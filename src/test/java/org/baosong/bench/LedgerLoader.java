package org.baosong.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.baosong.common.TextKeys;

/**
 * Writes a {@link LedgerWorkload} into the database with batched JDBC inserts (500 rows a batch, a commit
 * every 20,000; foreign-key and unique checks off on this connection only: the rows are consistent by
 * construction). Times are stored as UTC (ADR 0006): 02:00 UTC is 10:00 in the office's zone.
 */
final class LedgerLoader implements LedgerWorkload.Sink, AutoCloseable {

	private static final int BATCH = 500;

	private static final int COMMIT = 20_000;

	private final Connection connection;

	private final PreparedStatement entries;

	private final PreparedStatement acts;

	private final PreparedStatement inbound;

	private int pending;

	private int uncommitted;

	long entryCount;

	long actCount;

	long inboundCount;

	LedgerLoader(Connection connection) throws SQLException {
		this.connection = connection;
		try (var s = connection.createStatement()) {
			s.execute("SET SESSION foreign_key_checks = 0");
			s.execute("SET SESSION unique_checks = 0");
		}
		connection.setAutoCommit(false);
		this.entries = connection.prepareStatement("INSERT INTO score_entry (id, profile_id, scope_key, unit_id, period_year, period_half, period_quarter, "
				+ "period_month, period_week, points, rule_id, event_kind, event_id, submission_id, report_type, explanation, reverses_id, occurred_at, "
				+ "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)");
		this.acts = connection.prepareStatement("INSERT INTO editorial_act (id, profile_id, kind, occurred_at, effective_on, actor, unit_id, "
				+ "submission_id, ref_type, ref_id, detail, reverses_id, attributes) VALUES (?, ?, ?, ?, ?, 'bench', ?, NULL, NULL, NULL, NULL, ?, ?)");
		this.inbound = connection.prepareStatement("INSERT INTO inbound_mail (id, mailbox_id, uidvalidity, uid, size_bytes, sha256, message_id, from_addr, "
				+ "subject, received_at, status, reason_codes, processed_at, attempts, unit_id) VALUES (?, ?, 1, ?, 4000, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)");
	}

	/** The mailbox the inbound rows belong to, and the units. */
	void registry(LedgerWorkload workload) throws SQLException {
		var now = LocalDateTime.now(ZoneOffset.UTC);
		try (var s = connection.prepareStatement("INSERT INTO mailbox (id, protocol, host, port, username, folder, profile_id, active, created_at, "
				+ "updated_at) VALUES (?, 'imap', '127.0.0.1', 1, 'bench', 'INBOX', ?, FALSE, ?, ?)")) {
			s.setString(1, LedgerWorkload.MAILBOX);
			s.setString(2, LedgerWorkload.PROFILE);
			s.setObject(3, now);
			s.setObject(4, now);
			s.executeUpdate();
		}
		try (var s = connection.prepareStatement("INSERT INTO unit (id, code, name, name_key, sequence_code, parent_unit_id, sort_order, active, "
				+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)")) {
			for (var unit : workload.units()) {
				s.setLong(1, unit.id());
				s.setString(2, unit.code());
				s.setString(3, unit.name());
				s.setString(4, TextKeys.nameKey(unit.name()));
				s.setString(5, unit.sequenceCode());
				if (unit.parentUnitId() == null) {
					s.setNull(6, Types.BIGINT);
				}
				else {
					s.setLong(6, unit.parentUnitId());
				}
				s.setInt(7, unit.sortOrder());
				s.setObject(8, now);
				s.setObject(9, now);
				s.addBatch();
			}
			s.executeBatch();
		}
		connection.commit();
	}

	@Override
	public void entry(LedgerWorkload.EntryRow r) {
		try {
			var at = r.day().atTime(2, 0);
			entries.setLong(1, r.id());
			entries.setString(2, LedgerWorkload.PROFILE);
			entries.setString(3, r.scopeKey());
			entries.setLong(4, r.unitId());
			entries.setString(5, r.periods().year());
			entries.setString(6, r.periods().half());
			entries.setString(7, r.periods().quarter());
			entries.setString(8, r.periods().month());
			entries.setString(9, r.periods().week());
			entries.setBigDecimal(10, r.points());
			entries.setString(11, r.ruleId());
			entries.setString(12, r.eventKind());
			entries.setLong(13, r.eventId());
			entries.setString(14, r.reportType());
			entries.setString(15, r.explanation());
			if (r.reversesId() == null) {
				entries.setNull(16, Types.BIGINT);
			}
			else {
				entries.setLong(16, r.reversesId());
			}
			entries.setObject(17, at);
			entries.setObject(18, at);
			entries.addBatch();
			entryCount++;
			added();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void act(LedgerWorkload.ActRow r) {
		try {
			acts.setLong(1, r.id());
			acts.setString(2, LedgerWorkload.PROFILE);
			acts.setString(3, r.kind());
			acts.setObject(4, r.day().atTime(2, 0));
			acts.setObject(5, r.day());
			acts.setLong(6, r.unitId());
			if (r.reversesId() == null) {
				acts.setNull(7, Types.BIGINT);
			}
			else {
				acts.setLong(7, r.reversesId());
			}
			acts.setString(8, r.attributes());
			acts.addBatch();
			actCount++;
			added();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void inbound(LedgerWorkload.InboundRow r) {
		try {
			var at = r.day().atTime(2, 0);
			inbound.setLong(1, r.id());
			inbound.setString(2, LedgerWorkload.MAILBOX);
			inbound.setLong(3, r.id());
			inbound.setString(4, "%064x".formatted(r.id()));
			inbound.setString(5, "<bench-" + r.id() + "@bench.baosong.test>");
			inbound.setString(6, "unit" + r.unitId() + "@bench.baosong.test");
			inbound.setString(7, "【动态】测试信息 " + r.id());
			inbound.setObject(8, at);
			inbound.setString(9, r.status());
			inbound.setString(10, r.reasonCodes());
			inbound.setObject(11, at.plusSeconds(5));
			inbound.setLong(12, r.unitId());
			inbound.addBatch();
			inboundCount++;
			added();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void added() throws SQLException {
		if (++pending >= BATCH) {
			flush();
		}
		if (++uncommitted >= COMMIT) {
			flush();
			connection.commit();
			uncommitted = 0;
		}
	}

	/** Acts first (rows name them), then the ledger, then the messages. */
	private void flush() throws SQLException {
		acts.executeBatch();
		entries.executeBatch();
		inbound.executeBatch();
		pending = 0;
	}

	@Override
	public void close() throws SQLException {
		flush();
		connection.commit();
		connection.setAutoCommit(true);
		try (var s = connection.createStatement()) {
			s.execute("SET SESSION foreign_key_checks = 1");
			s.execute("SET SESSION unique_checks = 1");
		}
		entries.close();
		acts.close();
		inbound.close();
	}
}
