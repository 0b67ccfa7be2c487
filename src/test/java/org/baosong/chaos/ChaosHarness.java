package org.baosong.chaos;


import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * One gateway process, its mail world and its database, and the messages sent so far: what a fault
 * scenario needs to put mail in, watch the drain, kill the gateway at a chosen moment, and check the
 * invariants ({@link InvariantChecker}) over everything sent. Used by {@link ChaosRun} (scripts/chaos)
 * and by the CI-sized tests.
 */
public final class ChaosHarness {

	private final MailWorld mail;

	private final GatewayProcess gateway;

	private final String jdbcUrl;

	private final String user;

	private final String password;

	private final String mailboxId;

	private final List<InvariantChecker.Sent> sent = new ArrayList<>();

	private final Duration startTimeout;

	/**
	 * @param jdbcUrl the database as the checker reaches it (directly, not through a fault proxy)
	 */
	public ChaosHarness(MailWorld mail, GatewayProcess gateway, String jdbcUrl, String user, String password, String mailboxId,
			Duration startTimeout) {
		this.mail = mail;
		this.gateway = gateway;
		this.jdbcUrl = jdbcUrl;
		this.user = user;
		this.password = password;
		this.mailboxId = mailboxId;
		this.startTimeout = startTimeout;
	}

	/**
	 * Awaitility, not failing on exceptions other threads throw: the mail servers' handler threads die with
	 * "broken pipe" or "unexpected end of stream" when the gateway is killed or a proxy cuts a connection.
	 */
	public static org.awaitility.core.ConditionFactory await() {
		return org.awaitility.Awaitility.await().dontCatchUncaughtExceptions();
	}

	public MailWorld mail() {
		return mail;
	}

	public GatewayProcess gateway() {
		return gateway;
	}

	public List<InvariantChecker.Sent> sent() {
		return List.copyOf(sent);
	}

	public void start() throws IOException {
		gateway.start(startTimeout);
	}

	/** Puts messages into the mailbox; they count for every later check. */
	public void deliver(List<ChaosCorpus.Mail> mails) throws Exception {
		sent.addAll(mail.deliver(mails));
	}

	/** Records a message put into the mailbox some other way. */
	public void expect(InvariantChecker.Sent message) {
		sent.add(message);
	}

	// ---- watching ----

	/** Messages of this mailbox with an outcome; -1 while the database does not answer. */
	public long finished() {
		return count("SELECT COUNT(*) FROM inbound_mail WHERE mailbox_id = ? AND status <> 'RECEIVED'");
	}

	/** Messages of this mailbox received (with or without an outcome); -1 while the database does not answer. */
	public long received() {
		return count("SELECT COUNT(*) FROM inbound_mail WHERE mailbox_id = ?");
	}

	/** Replies to this mailbox's messages not yet sent; -1 while the database does not answer. */
	public long unsentReplies() {
		return count("SELECT COUNT(*) FROM outbound_mail o JOIN inbound_mail m ON m.id = o.inbound_id "
				+ "WHERE m.mailbox_id = ? AND o.status = 'PENDING'");
	}

	/** Mails the relay received so far. */
	public long delivered() {
		try {
			return mail.delivered().size();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** True when every message sent has its outcome and every reply has gone out. */
	public boolean settled() {
		return finished() == sent.size() && unsentReplies() == 0;
	}

	/** Waits until {@link #settled()}; fails with what is still open. */
	public void awaitSettled(Duration timeout) {
		try {
			await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(this::settled);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError("not settled within " + timeout + ": " + finished() + " of " + sent.size() + " messages with an outcome, "
					+ received() + " received, " + unsentReplies() + " replies unsent; gateway "
					+ (gateway.isAlive() ? "running" : "not running") + "\n" + tailOfConsole(), ex);
		}
	}

	/** The invariants over every message sent so far. */
	public InvariantChecker.Report check(boolean receipts) throws SQLException, jakarta.mail.MessagingException {
		try (Connection db = connect()) {
			return InvariantChecker.check(db, mailboxId, sent, mail.delivered(), new InvariantChecker.Options(receipts, true));
		}
	}

	// ---- killing ----

	/** When a kill came, and what had happened by then. */
	public record KillPoint(int round, String trigger, long target, long millisAfterStart, long finishedAtKill, long deliveredAtKill,
			int orphanedParsers) {
	}

	/**
	 * Waits for a moment chosen by {@code random}, kills the gateway with SIGKILL and starts it again. The
	 * moment is one of: a time after the start of this round (0.3 to 8 s: receipt, parsing, a parser
	 * process, the outbox, whatever runs then), a number of outcomes more (1 to 80: inside the intake
	 * loop), or a number of replies more delivered at the relay (1 to 30: inside the outbox's sending).
	 * A target not reached within 20 s (the drain ran dry) kills then.
	 */
	public KillPoint killAndRestart(int round, Random random) throws IOException {
		long start = System.nanoTime();
		String trigger;
		long target;
		LongSupplier reached;
		switch (random.nextInt(3)) {
			case 0 -> {
				trigger = "time (ms)";
				target = 300 + random.nextInt(7700);
				reached = () -> (System.nanoTime() - start) / 1_000_000;
			}
			case 1 -> {
				trigger = "outcomes";
				target = 1 + random.nextInt(80);
				long base = Math.max(0, finished());
				reached = () -> Math.max(0, finished()) - base;
			}
			default -> {
				trigger = "replies delivered";
				target = 1 + random.nextInt(30);
				long base = delivered();
				reached = () -> delivered() - base;
			}
		}
		try {
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() -> reached.getAsLong() >= target);
		}
		catch (org.awaitility.core.ConditionTimeoutException ranDry) {
			// kill anyway
		}
		var children = gateway.children();
		gateway.kill();
		long millis = (System.nanoTime() - start) / 1_000_000;
		long finishedAtKill = finished();
		long deliveredAtKill = delivered();
		// parser processes read their requests from the gateway: a dead gateway ends their input and they exit
		int orphans = 0;
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			orphans = (int) children.stream().filter(ProcessHandle::isAlive).count();
		}
		gateway.start(startTimeout);
		return new KillPoint(round, trigger, target, millis, finishedAtKill, deliveredAtKill, orphans);
	}

	// ---- the database ----

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl, user, password);
	}

	private Connection watching;

	/** A count about this mailbox (the SQL's one parameter), on a connection kept for watching; -1 while the database does not answer. */
	public synchronized long count(String sql) {
		try {
			if (watching == null || watching.isClosed()) {
				watching = connect();
			}
			try (PreparedStatement s = watching.prepareStatement(sql)) {
				s.setQueryTimeout(10);
				if (sql.contains("?")) {
					s.setString(1, mailboxId);
				}
				try (ResultSet r = s.executeQuery()) {
					r.next();
					return r.getLong(1);
				}
			}
		}
		catch (SQLException down) {
			closeWatching();
			return -1;
		}
	}

	private void closeWatching() {
		try {
			if (watching != null) {
				watching.close();
			}
		}
		catch (SQLException ignored) {
			// gone already
		}
		watching = null;
	}

	public String tailOfConsole() {
		try {
			return GatewayProcess.tail(java.nio.file.Files.readString(gateway.console()), 30);
		}
		catch (IOException | RuntimeException ex) {
			return "(no console: " + ex + ")";
		}
	}
}
