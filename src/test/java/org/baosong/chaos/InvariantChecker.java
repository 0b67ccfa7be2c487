package org.baosong.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * What must hold after any fault, checked against the database and against what the SMTP server the
 * replies went to actually received (spec/quality-bars.md, Reliability):
 * <ul>
 * <li>every message sent has exactly one {@code inbound_mail} row, none is missing and none is extra;</li>
 * <li>each has exactly one final outcome (and the expected one, when the sender said which);</li>
 * <li>an ACCEPTED message has exactly one submission and one quantity row in the ledger; any other none
 * (no submission filed twice, no points twice);</li>
 * <li>at most one reply of each kind per message in the outbox, none to automatic or quarantined mail,
 * a receipt for every accepted message;</li>
 * <li>once settled: every reply SENT, and the SMTP server received each at least once (counted by our
 * Message-ID, which a reply keeps across retries), and nothing it did not queue;</li>
 * <li>a reply received more than once only as a hand-over in doubt the outbox counted ({@code in_doubt}:
 * the gateway died or lost its database between the relay's acceptance and the SENT mark), never more
 * often than it counted, and always with the same Message-ID (ADR 0024: at least once, duplicates
 * recognisable). Such redeliveries are reported, not hidden.</li>
 * </ul>
 * Usable from tests ({@link #check}) and from the command line ({@link #main}).
 */
public final class InvariantChecker {

	/** The outcomes that end a message. */
	static final Set<String> FINAL = Set.of("ACCEPTED", "REJECTED", "IGNORED", "QUARANTINED");

	/** Reply statuses that count as done: sent, deliberately not sent, or sent and bounced. */
	static final Set<String> DONE = Set.of("SENT", "SUPPRESSED", "BOUNCED");

	/**
	 * One message put into the mailbox.
	 *
	 * @param messageId       its Message-ID (for the report; may be null)
	 * @param sha256          SHA-256 of the bytes the server serves, the gateway's receipt key
	 * @param expectedOutcome the outcome it must end with, or null for any final one
	 */
	public record Sent(String messageId, String sha256, String expectedOutcome) {
	}

	/**
	 * @param receipts true when the profile answers accepted mail with a receipt
	 * @param settled  true when every reply should have been sent by now (checks the delivered side)
	 */
	public record Options(boolean receipts, boolean settled) {
	}

	/** The result: violations (empty when everything holds) and what was counted. */
	public record Report(List<String> violations, Map<String, Long> outcomes, long rows, long submissions, long replies,
			long delivered, long redelivered) {

		public boolean ok() {
			return violations.isEmpty();
		}

		public String markdown() {
			var out = new StringBuilder();
			out.append("| checked | count |\n|---|---|\n");
			out.append("| inbound_mail rows | ").append(rows).append(" |\n");
			outcomes.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
			out.append("| submissions | ").append(submissions).append(" |\n");
			out.append("| replies in the outbox | ").append(replies).append(" |\n");
			out.append("| mails the SMTP server received | ").append(delivered).append(" |\n");
			out.append("| of which redeliveries of a hand-over in doubt | ").append(redelivered).append(" |\n");
			out.append("| violations | ").append(violations.size()).append(" |\n");
			if (!violations.isEmpty()) {
				out.append("\nViolations:\n\n");
				violations.stream().limit(50).forEach(v -> out.append("- ").append(v).append('\n'));
				if (violations.size() > 50) {
					out.append("- ... and ").append(violations.size() - 50).append(" more\n");
				}
			}
			return out.toString();
		}

		@Override
		public String toString() {
			return (ok() ? "invariants hold" : violations.size() + " violation(s)") + ": " + rows + " rows " + outcomes + ", "
					+ submissions + " submissions, " + replies + " replies, " + delivered + " delivered (" + redelivered + " in doubt)"
					+ (ok() ? "" : "\n  " + String.join("\n  ", violations.stream().limit(30).toList()));
		}
	}

	private InvariantChecker() {
	}

	/**
	 * Checks the invariants for the messages {@code sent} to mailbox {@code mailboxId}, given the Message-IDs
	 * of the mails the reply relay received (one entry per delivery).
	 */
	public static Report check(Connection db, String mailboxId, Collection<Sent> sent, Collection<String> delivered, Options options)
			throws SQLException {
		var violations = new ArrayList<String>();
		var rows = inboundRows(db, mailboxId);
		var bySha = new HashMap<String, List<Row>>();
		var byMessageId = new HashMap<String, List<Row>>();
		for (Row row : rows) {
			if (row.sha256 != null) {
				bySha.computeIfAbsent(row.sha256, k -> new ArrayList<>()).add(row);
			}
			if (row.messageId != null) {
				byMessageId.computeIfAbsent(row.messageId, k -> new ArrayList<>()).add(row);
			}
		}

		// one row per message, none missing, none extra
		var matched = new LinkedHashMap<Row, Sent>();
		var sentShas = new HashSet<String>();
		for (Sent s : sent) {
			sentShas.add(s.sha256());
			var found = bySha.getOrDefault(s.sha256(), List.of());
			if (found.isEmpty() && s.messageId() != null) {
				// a message recorded without its body (over the size limit) has no SHA-256
				found = byMessageId.getOrDefault(s.messageId(), List.of()).stream().filter(r -> r.sha256 == null).toList();
			}
			if (found.isEmpty()) {
				violations.add("missing: " + s.messageId() + " (sha256 " + abbreviate(s.sha256()) + ") has no inbound_mail row");
			}
			else if (found.size() > 1) {
				violations.add("recorded twice: " + s.messageId() + " has " + found.size() + " inbound_mail rows " + ids(found));
			}
			else {
				matched.put(found.get(0), s);
			}
		}
		for (Row row : rows) {
			if (!matched.containsKey(row) && (row.sha256 == null || !sentShas.contains(row.sha256))) {
				violations.add("extra row: inbound #" + row.id + " (" + row.messageId + ", sha256 " + abbreviate(row.sha256)
						+ ") matches no message sent");
			}
		}
		var sentIds = new HashMap<String, Integer>();
		sent.stream().filter(s -> s.messageId() != null).forEach(s -> sentIds.merge(s.messageId(), 1, Integer::sum));
		byMessageId.forEach((id, list) -> {
			if (list.size() > sentIds.getOrDefault(id, 1)) {
				violations.add("recorded twice: Message-ID " + id + " on " + list.size() + " rows " + ids(list));
			}
		});

		// exactly one final outcome each, the expected one
		var outcomes = new TreeMap<String, Long>();
		for (var entry : matched.entrySet()) {
			Row row = entry.getKey();
			outcomes.merge(row.status, 1L, Long::sum);
			if (!FINAL.contains(row.status) || row.processedAt == null) {
				violations.add("no outcome: inbound #" + row.id + " (" + row.messageId + ") is " + row.status
						+ (row.lastError == null ? "" : ", last error: " + abbreviate(row.lastError, 200)));
			}
			else if (entry.getValue().expectedOutcome() != null && !entry.getValue().expectedOutcome().equals(row.status)) {
				violations.add("wrong outcome: inbound #" + row.id + " (" + row.messageId + ") is " + row.status + " " + row.reasonCodes
						+ ", expected " + entry.getValue().expectedOutcome()
						+ (row.lastError == null ? "" : ", last error: " + abbreviate(row.lastError, 200)));
			}
		}

		// no submission twice, no points twice
		var byId = new HashMap<Long, Row>();
		rows.forEach(r -> byId.put(r.id, r));
		var submissions = countBy(db, "SELECT s.inbound_id, COUNT(*) FROM submission s JOIN inbound_mail m ON m.id = s.inbound_id "
				+ "WHERE m.mailbox_id = ? GROUP BY s.inbound_id", mailboxId);
		var points = countBy(db, "SELECT s.inbound_id, COUNT(*) FROM score_entry e JOIN submission s ON s.id = e.submission_id "
				+ "JOIN inbound_mail m ON m.id = s.inbound_id WHERE m.mailbox_id = ? AND e.event_kind = 'SUBMISSION_ACCEPTED' "
				+ "AND e.reverses_id IS NULL GROUP BY s.inbound_id", mailboxId);
		long submissionCount = 0;
		for (Row row : matched.keySet()) {
			long filed = submissions.getOrDefault(row.id, 0L);
			long scored = points.getOrDefault(row.id, 0L);
			submissionCount += filed;
			long expected = "ACCEPTED".equals(row.status) ? 1 : 0;
			if (filed != expected) {
				violations.add("submissions: inbound #" + row.id + " (" + row.status + ") has " + filed + ", expected " + expected);
			}
			if (scored != expected) {
				violations.add("ledger: inbound #" + row.id + " (" + row.status + ") has " + scored
						+ " SUBMISSION_ACCEPTED rows, expected " + expected);
			}
		}

		// replies: at most one of each kind, none to automatic or quarantined mail, a receipt for each accepted one
		var replies = replies(db, mailboxId);
		var perKind = new HashMap<String, Integer>();
		replies.forEach(r -> perKind.merge(r.inboundId + "/" + r.kind, 1, Integer::sum));
		perKind.forEach((key, n) -> {
			if (n > 1) {
				violations.add("reply queued twice: inbound/kind " + key + " has " + n + " outbound rows");
			}
		});
		for (Reply reply : replies) {
			Row row = byId.get(reply.inboundId);
			boolean answer = reply.kind.equals("RECEIPT") || reply.kind.equals("REJECTION");
			if (row != null && answer && ("IGNORED".equals(row.status) || "QUARANTINED".equals(row.status))) {
				violations.add("reply to " + row.status + " mail: outbound #" + reply.id + " (" + reply.kind + ") answers inbound #" + row.id);
			}
			if (row != null && reply.kind.equals("RECEIPT") && !"ACCEPTED".equals(row.status)) {
				violations.add("receipt for " + row.status + " mail: outbound #" + reply.id + " answers inbound #" + row.id);
			}
		}
		if (options.receipts()) {
			var receipted = new HashSet<Long>();
			replies.stream().filter(r -> r.kind.equals("RECEIPT")).forEach(r -> receipted.add(r.inboundId));
			matched.keySet().stream().filter(r -> "ACCEPTED".equals(r.status) && !receipted.contains(r.id))
				.forEach(r -> violations.add("no receipt: inbound #" + r.id + " (" + r.messageId + ") was accepted"));
		}

		// what the relay received: each reply at least once, a second time only when counted in doubt, nothing else
		long redelivered = 0;
		var deliveredCount = new HashMap<String, Integer>();
		delivered.forEach(id -> deliveredCount.merge(id.strip(), 1, Integer::sum));
		var known = new HashSet<String>();
		for (Reply reply : replies) {
			if (reply.messageId == null) {
				continue;
			}
			known.add(reply.messageId);
			int n = deliveredCount.getOrDefault(reply.messageId, 0);
			if (n > 1 + reply.inDoubt) {
				violations.add("reply sent twice: outbound #" + reply.id + " (" + reply.dedupKey + ", " + reply.status + ") was delivered "
						+ n + " times, " + reply.inDoubt + " hand-over(s) in doubt counted");
			}
			redelivered += Math.max(0, n - 1);
			if (options.settled()) {
				if (!DONE.contains(reply.status)) {
					violations.add("reply not sent: outbound #" + reply.id + " (" + reply.dedupKey + ") is " + reply.status
							+ (reply.lastError == null ? "" : ", last error: " + abbreviate(reply.lastError, 200)));
				}
				else if (!reply.status.equals("SUPPRESSED") && n == 0) {
					violations.add("reply lost: outbound #" + reply.id + " (" + reply.dedupKey + ") is " + reply.status
							+ " but the SMTP server never received it");
				}
			}
		}
		if (options.settled()) {
			deliveredCount.keySet().stream().filter(id -> !known.contains(id)).sorted()
				.forEach(id -> violations.add("unknown mail delivered: " + id + " is not in the outbox"));
		}
		return new Report(List.copyOf(violations), outcomes, matched.size(), submissionCount, replies.size(),
				deliveredCount.values().stream().mapToLong(Integer::longValue).sum(), redelivered);
	}

	// ---- the tables ----

	private record Row(long id, String sha256, String messageId, String status, String reasonCodes, Object processedAt,
			String lastError) {
	}

	private record Reply(long id, Long inboundId, String kind, String dedupKey, String messageId, String status, String lastError,
			int inDoubt) {
	}

	private static List<Row> inboundRows(Connection db, String mailboxId) throws SQLException {
		var rows = new ArrayList<Row>();
		try (PreparedStatement s = db.prepareStatement("SELECT id, sha256, message_id, status, reason_codes, processed_at, last_error "
				+ "FROM inbound_mail WHERE mailbox_id = ? ORDER BY id")) {
			s.setString(1, mailboxId);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					rows.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getObject(6),
							r.getString(7)));
				}
			}
		}
		return rows;
	}

	private static List<Reply> replies(Connection db, String mailboxId) throws SQLException {
		var replies = new ArrayList<Reply>();
		try (PreparedStatement s = db.prepareStatement("SELECT o.id, o.inbound_id, o.kind, o.dedup_key, o.message_id, o.status, o.last_error, o.in_doubt "
				+ "FROM outbound_mail o JOIN inbound_mail m ON m.id = o.inbound_id WHERE m.mailbox_id = ? ORDER BY o.id")) {
			s.setString(1, mailboxId);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					replies.add(new Reply(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
							r.getString(7), r.getInt(8)));
				}
			}
		}
		return replies;
	}

	private static Map<Long, Long> countBy(Connection db, String sql, String mailboxId) throws SQLException {
		var counts = new HashMap<Long, Long>();
		try (PreparedStatement s = db.prepareStatement(sql)) {
			s.setString(1, mailboxId);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					counts.put(r.getLong(1), r.getLong(2));
				}
			}
		}
		return counts;
	}

	private static String ids(List<Row> rows) {
		return rows.stream().map(r -> "#" + r.id).toList().toString();
	}

	private static String abbreviate(String text) {
		return text == null ? "none" : text.length() > 12 ? text.substring(0, 12) + "…" : text;
	}

	private static String abbreviate(String text, int max) {
		String oneLine = text.replaceAll("\\s+", " ");
		return oneLine.length() > max ? oneLine.substring(0, max) + "…" : oneLine;
	}

	// ---- command line ----

	/**
	 * {@code InvariantChecker --jdbc URL [--user U] [--password P] --mailbox ID --sent FILE [--sink-imap HOST:PORT]
	 * [--no-receipts] [--unsettled]}. FILE holds one message per line: Message-ID, SHA-256 and optionally the
	 * expected outcome, separated by tabs. With --sink-imap the mailboxes of the reply recipients are read on
	 * that IMAP server (login and password: the address, as GreenMail creates them); without it the delivered
	 * side is not checked. Prints the report; exits 1 on a violation, 2 on a usage error.
	 */
	public static void main(String[] args) throws Exception {
		var opts = new HashMap<String, String>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--no-receipts", "--unsettled" -> opts.put(args[i], "true");
				default -> {
					if (!args[i].startsWith("--") || i + 1 >= args.length) {
						System.err.println("usage: InvariantChecker --jdbc URL [--user U] [--password P] --mailbox ID --sent FILE "
								+ "[--sink-imap HOST:PORT] [--no-receipts] [--unsettled]");
						System.exit(2);
					}
					opts.put(args[i], args[++i]);
				}
			}
		}
		if (!opts.containsKey("--jdbc") || !opts.containsKey("--mailbox") || !opts.containsKey("--sent")) {
			System.err.println("--jdbc, --mailbox and --sent are required");
			System.exit(2);
		}
		var sent = readSent(Path.of(opts.get("--sent")));
		try (Connection db = DriverManager.getConnection(opts.get("--jdbc"), opts.getOrDefault("--user", "root"),
				opts.getOrDefault("--password", ""))) {
			List<String> delivered = List.of();
			boolean settled = !opts.containsKey("--unsettled");
			if (opts.containsKey("--sink-imap")) {
				delivered = deliveredOverImap(opts.get("--sink-imap"), recipients(db, opts.get("--mailbox")));
			}
			else {
				settled = false;
			}
			var report = check(db, opts.get("--mailbox"), sent, delivered, new Options(!opts.containsKey("--no-receipts"), settled));
			System.out.println(report.markdown());
			System.exit(report.ok() ? 0 : 1);
		}
	}

	static List<Sent> readSent(Path file) throws IOException {
		var sent = new ArrayList<Sent>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] f = line.split("\t");
			sent.add(new Sent(f[0].isEmpty() ? null : f[0], f[1], f.length > 2 && !f[2].isBlank() ? f[2] : null));
		}
		return sent;
	}

	static void writeSent(Path file, Collection<Sent> sent) throws IOException {
		var lines = new ArrayList<String>();
		lines.add("# Message-ID\tSHA-256 as served\texpected outcome");
		sent.forEach(s -> lines.add((s.messageId() == null ? "" : s.messageId()) + "\t" + s.sha256() + "\t"
				+ (s.expectedOutcome() == null ? "" : s.expectedOutcome())));
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.write(file, lines, StandardCharsets.UTF_8);
	}

	private static List<String> recipients(Connection db, String mailboxId) throws SQLException {
		var to = new ArrayList<String>();
		try (PreparedStatement s = db.prepareStatement("SELECT DISTINCT o.to_addr FROM outbound_mail o JOIN inbound_mail m "
				+ "ON m.id = o.inbound_id WHERE m.mailbox_id = ?")) {
			s.setString(1, mailboxId);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					to.add(r.getString(1));
				}
			}
		}
		return to;
	}

	/** The Message-IDs in each recipient's INBOX on a GreenMail-like server (login = password = address). */
	static List<String> deliveredOverImap(String hostPort, List<String> recipients) throws Exception {
		String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
		int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
		var ids = new ArrayList<String>();
		Store store = Session.getInstance(new Properties()).getStore("imap");
		for (String address : recipients) {
			try {
				store.connect(host, port, address, address);
			}
			catch (jakarta.mail.AuthenticationFailedException none) {
				continue; // nothing was ever delivered to this address
			}
			try {
				Folder inbox = store.getFolder("INBOX");
				inbox.open(Folder.READ_ONLY);
				for (Message message : inbox.getMessages()) {
					String[] id = message.getHeader("Message-ID");
					if (id != null) {
						ids.add(id[0]);
					}
				}
				inbox.close(false);
			}
			finally {
				store.close();
			}
		}
		return ids;
	}
}
