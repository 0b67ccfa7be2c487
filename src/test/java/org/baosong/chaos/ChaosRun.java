package org.baosong.chaos;

import static org.baosong.chaos.ChaosHarness.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The long fault-injection run behind {@code scripts/chaos} (outside CI): the executable jar against a
 * MariaDB of its own (which the run stops and starts; see {@link SecondMariaDb}) and a GreenMail mailbox
 * and relay behind proxies ({@link MailWorld}). Scenarios one after another on the same gateway and
 * database, each with its own mail, each followed by the invariant check over everything sent so far:
 * <ol>
 * <li>kill -9 at random moments while it drains (rounds), restart each time;</li>
 * <li>the database stopped mid-drain, started again after a while;</li>
 * <li>the IMAP connection cut in the middle of fetches, several times;</li>
 * <li>a UIDVALIDITY reset mid-drain (every message again under new UIDs, and new ones);</li>
 * <li>the reply relay down for a while, then back.</li>
 * </ol>
 * Writes {@code summary.md} (and the messages sent, the consoles and MariaDB's log) to the output
 * directory; exits 1 when an invariant does not hold or a scenario fails.
 */
public final class ChaosRun {

	record Settings(boolean quick, int messages, int rounds, Duration dbOutage, Duration relayDown, long seed, Path jar, Path out,
			int dbPort) {

		static Settings parse(String[] args) {
			boolean quick = false;
			Integer messages = null, rounds = null, dbPort = 3307;
			Duration outage = null, relayDown = null;
			long seed = new Random().nextLong() & 0xffffff;
			Path jar = null, out = Path.of("target/chaos");
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--quick" -> quick = true;
					case "--messages" -> messages = Integer.parseInt(args[++i]);
					case "--rounds" -> rounds = Integer.parseInt(args[++i]);
					case "--db-outage" -> outage = Duration.ofSeconds(Long.parseLong(args[++i]));
					case "--relay-down" -> relayDown = Duration.ofSeconds(Long.parseLong(args[++i]));
					case "--seed" -> seed = Long.parseLong(args[++i]);
					case "--jar" -> jar = Path.of(args[++i]);
					case "--out" -> out = Path.of(args[++i]);
					case "--db-port" -> dbPort = Integer.parseInt(args[++i]);
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			return new Settings(quick, messages != null ? messages : quick ? 300 : 2000, rounds != null ? rounds : quick ? 3 : 10,
					outage != null ? outage : Duration.ofSeconds(quick ? 10 : 30), relayDown != null ? relayDown
							: Duration.ofSeconds(quick ? 10 : 60), seed, jar, out, dbPort);
		}
	}

	/** One scenario's part of the summary. */
	record Section(String title, String what, List<String> facts, InvariantChecker.Report report, Duration took, String failure) {

		boolean ok() {
			return failure == null && report != null && report.ok();
		}
	}

	private final Settings settings;

	private final Random random;

	private final List<Section> sections = new ArrayList<>();

	private ChaosHarness harness;

	private SecondMariaDb database;

	private ChaosCorpus corpus;

	private int next;

	ChaosRun(Settings settings) {
		this.settings = settings;
		this.random = new Random(settings.seed());
	}

	public static void main(String[] args) throws Exception {
		var settings = Settings.parse(args);
		boolean ok = new ChaosRun(settings).run();
		System.exit(ok ? 0 : 1);
	}

	boolean run() throws Exception {
		Instant started = Instant.now();
		Files.createDirectories(settings.out());
		log("seed " + settings.seed() + ", " + settings.messages() + " messages, " + settings.rounds() + " kill rounds, output "
				+ settings.out().toAbsolutePath());
		database = new SecondMariaDb(settings.out().resolve("mariadb"), settings.dbPort());
		GatewayProcess gateway = null;
		try (var mail = new MailWorld()) {
			database.installAndStart();
			database.createDatabase("baosong_chaos");
			var arguments = new ArrayList<>(List.of("--spring.datasource.url=" + database.url("baosong_chaos"),
					"--spring.datasource.username=root", "--spring.datasource.password=", "--baosong.embedded-mail.enabled=false",
					"--baosong.demo.enabled=true", "--baosong.security.initial-admin-password=chaos-admin-password",
					"--baosong.intake.lease=20s", "--baosong.replies.lease=20s", "--baosong.replies.retry-after=5s"));
			arguments.addAll(mail.mailboxArguments(0, "chaos"));
			arguments.addAll(mail.relayArguments());
			gateway = GatewayProcess.create(settings.jar(), "512m", List.of(), arguments);
			harness = new ChaosHarness(mail, gateway, database.url("baosong_chaos"), "root", "", "chaos", Duration.ofMinutes(3));
			corpus = new ChaosCorpus(MailWorld.ADDRESS, LocalDate.now(ZoneId.of("Asia/Shanghai")), "run" + settings.seed());
			log("starting the gateway (" + (settings.jar() == null ? "class path" : settings.jar()) + ")");
			harness.start();

			scenario("kill -9 while draining", this::killRounds);
			scenario("database stopped mid-drain", this::databaseOutage);
			scenario("IMAP connection cut mid-fetch", this::imapCuts);
			scenario("UIDVALIDITY reset mid-drain", this::uidValidityReset);
			scenario("reply relay down, then back", this::relayDown);
			scenario("still serving", this::stillServing);
		}
		finally {
			if (gateway != null) {
				gateway.close(settings.out().resolve("consoles"));
			}
			database.stop();
			if (harness != null) {
				InvariantChecker.writeSent(settings.out().resolve("sent.tsv"), harness.sent());
			}
		}
		Path summary = settings.out().resolve("summary.md");
		Files.writeString(summary, summary(Duration.between(started, Instant.now())), StandardCharsets.UTF_8);
		boolean ok = sections.stream().allMatch(Section::ok);
		log((ok ? "all invariants hold" : "FAILED") + "; summary in " + summary);
		return ok;
	}

	// ---- scenarios ----

	interface Scenario {

		Section run(String title) throws Exception;
	}

	private void scenario(String title, Scenario scenario) {
		log("== " + title);
		long start = System.nanoTime();
		Section section;
		try {
			section = scenario.run(title);
		}
		catch (Throwable failure) {
			section = new Section(title, "", List.of(), null, Duration.ofNanos(System.nanoTime() - start), failure.toString());
		}
		log(section.ok() ? "   ok: " + section.report() : "   FAILED: " + (section.failure() != null ? section.failure() : section.report()));
		sections.add(section);
	}

	private Section killRounds(String title) throws Exception {
		long start = System.nanoTime();
		harness.deliver(batch(settings.messages()));
		var facts = new ArrayList<String>();
		facts.add("| round | trigger | target | killed after (ms) | outcomes by then | replies delivered by then | parser processes left |");
		facts.add("|---|---|---|---|---|---|---|");
		for (int round = 1; round <= settings.rounds(); round++) {
			var kill = harness.killAndRestart(round, random);
			log("   round " + round + ": " + kill);
			facts.add("| " + kill.round() + " | " + kill.trigger() + " | " + kill.target() + " | " + kill.millisAfterStart() + " | "
					+ kill.finishedAtKill() + " | " + kill.deliveredAtKill() + " | " + kill.orphanedParsers() + " |");
		}
		harness.awaitSettled(drainTimeout(settings.messages()));
		facts.add("");
		facts.add("Drained and settled " + seconds(start) + " s after the mail was put in.");
		return section(title, settings.messages() + " messages put in at once; the gateway killed with SIGKILL at " + settings.rounds()
				+ " moments chosen at random (seed " + settings.seed() + ") and started again each time.", facts, start);
	}

	private Section databaseOutage(String title) throws Exception {
		long start = System.nanoTime();
		int count = settings.messages();
		long before = harness.finished();
		long pid = harness.gateway().pid();
		harness.deliver(batch(count));
		await().atMost(drainTimeout(count)).until(() -> harness.finished() >= before + count / 5);
		long atStop = harness.finished() - before;
		database.stop();
		long stopped = System.nanoTime();
		hold(settings.dbOutage());
		database.start();
		long back = System.nanoTime();
		harness.awaitSettled(drainTimeout(count));
		var facts = List.of("MariaDB (port " + database.port() + ") stopped with " + atStop + " of " + count
				+ " messages done; down for " + (back - stopped) / 1_000_000_000 + " s (until it accepted connections again).",
				"Settled " + seconds(back) + " s after the database was back; the gateway was never restarted: "
						+ (harness.gateway().pid() == pid && harness.gateway().isAlive()) + ".");
		return section(title, count + " messages; the database server shut down (SIGTERM) mid-drain and started again after "
				+ settings.dbOutage().toSeconds() + " s.", facts, start);
	}

	private Section imapCuts(String title) throws Exception {
		long start = System.nanoTime();
		int count = Math.max(100, settings.messages() / 2);
		var proxy = harness.mail().imapProxy();
		long cutsBefore = proxy.cuts();
		long connectionsBefore = proxy.connections();
		harness.deliver(batch(count));
		int cuts = settings.quick() ? 3 : 6;
		for (int i = 0; i < cuts && harness.received() < harness.sent().size(); i++) {
			long cutsNow = proxy.cuts();
			proxy.cutAfter(2_000 + random.nextInt(300_000));
			await().atMost(Duration.ofMinutes(2)).until(() -> proxy.cuts() > cutsNow || harness.received() == harness.sent().size());
		}
		proxy.cutAfter(Long.MAX_VALUE / 4);
		harness.awaitSettled(drainTimeout(count));
		var facts = List.of((proxy.cuts() - cutsBefore) + " cuts in the middle of IMAP responses (after 2 KB to 300 KB more from the "
				+ "server each); the gateway connected " + (proxy.connections() - connectionsBefore) + " times meanwhile.");
		return section(title, count + " messages; every connection between the gateway and the IMAP server cut after a random number "
				+ "of bytes, several times while it received them.", facts, start);
	}

	private Section uidValidityReset(String title) throws Exception {
		long start = System.nanoTime();
		int count = Math.max(100, settings.messages() / 2);
		long received = harness.received();
		harness.deliver(batch(count));
		await().atMost(drainTimeout(count)).until(() -> harness.received() >= received + count / 2);
		long before = harness.mail().uidValidity();
		long atReset = harness.received() - received;
		int held = harness.mail().messageCount();
		long after = harness.mail().resetUidValidity();
		int more = count / 4;
		harness.deliver(batch(more));
		harness.awaitSettled(drainTimeout(count));
		var facts = List.of("Reset with " + atReset + " of " + count + " received: UIDVALIDITY " + before + " -> " + after + "; the "
				+ held + " messages the folder held put back under new UIDs, then " + more + " new ones.");
		return section(title, count + " messages, then the folder deleted and created again mid-drain, every message back in it.",
				facts, start);
	}

	private Section relayDown(String title) throws Exception {
		long start = System.nanoTime();
		int count = Math.max(100, settings.messages() / 4);
		var relay = harness.mail().smtpProxy();
		long delivered = harness.delivered();
		long waiting;
		relay.down();
		try {
			harness.deliver(batch(count));
			await().atMost(drainTimeout(count)).until(() -> harness.finished() == harness.sent().size());
			hold(settings.relayDown());
			waiting = harness.unsentReplies();
			if (harness.delivered() != delivered) {
				throw new AssertionError("the relay received mail while it was down");
			}
		}
		finally {
			relay.up();
		}
		long back = System.nanoTime();
		harness.awaitSettled(drainTimeout(count));
		var facts = List.of(waiting + " replies waited in the outbox while the relay was down (" + settings.relayDown().toSeconds()
				+ " s after the last outcome); all sent " + seconds(back) + " s after it came back.");
		return section(title, count + " messages processed while every connection to the reply relay was refused.", facts, start);
	}

	private Section stillServing(String title) throws Exception {
		long start = System.nanoTime();
		int health = harness.gateway().httpStatus("/actuator/health");
		var facts = List.of("GET /actuator/health: " + health + "; gateway peak RSS " + harness.gateway().peakRssKiB() / 1024
				+ " MiB (this start), " + harness.gateway().starts() + " starts in the run.");
		if (health != 200) {
			return new Section(title, "", facts, null, Duration.ofNanos(System.nanoTime() - start), "health answered " + health);
		}
		return section(title, "After everything: the invariants over all mail of the run, and the health endpoint.", facts, start);
	}

	// ---- helpers ----

	private Section section(String title, String what, List<String> facts, long start) throws Exception {
		return new Section(title, what, facts, harness.check(true), Duration.ofNanos(System.nanoTime() - start), null);
	}

	private List<ChaosCorpus.Mail> batch(int count) {
		var mails = corpus.generate(settings.seed(), next, count);
		next += count;
		return mails;
	}

	private static Duration drainTimeout(int messages) {
		return Duration.ofSeconds(300 + messages);
	}

	private static void hold(Duration duration) {
		await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
	}

	private static long seconds(long since) {
		return (System.nanoTime() - since) / 1_000_000_000;
	}

	private String summary(Duration took) {
		var out = new StringBuilder("# Fault-injection run (scripts/chaos" + (settings.quick() ? " --quick" : "") + ")\n\n");
		out.append("- date: ").append(LocalDate.now(ZoneId.of("Asia/Shanghai"))).append(", took ").append(took.toMinutes()).append(" min ")
			.append(took.toSecondsPart()).append(" s\n");
		out.append("- seed: ").append(settings.seed()).append(" (repeat with `--seed ").append(settings.seed()).append("`)\n");
		out.append("- gateway: ").append(settings.jar() == null ? "Boot main class on the class path" : "`java -jar " + settings.jar() + "`")
			.append(", -Xmx512m; MariaDB ").append(settings.dbPort()).append(" (its own, stopped and started by the run); GreenMail mailbox ")
			.append("and relay behind proxies\n");
		out.append("- settings beyond production defaults: intake and outbox lease 20 s (default 5 min: how long a killed node's ")
			.append("claims wait), reply retry 5 s (default 30 s)\n\n");
		out.append("| scenario | result | took |\n|---|---|---|\n");
		for (Section s : sections) {
			out.append("| ").append(s.title()).append(" | ").append(s.ok() ? "invariants hold" : "**FAILED**").append(" | ")
				.append(s.took().toSeconds()).append(" s |\n");
		}
		for (Section s : sections) {
			out.append("\n## ").append(s.title()).append("\n\n").append(s.what()).append("\n\n");
			s.facts().forEach(f -> out.append(f).append('\n'));
			if (s.failure() != null) {
				out.append("\n**Failed:** ").append(s.failure()).append('\n');
			}
			if (s.report() != null) {
				out.append("\nInvariants over all ").append(s.report().rows()).append(" messages so far:\n\n").append(s.report().markdown());
			}
		}
		return out.toString();
	}

	private static void log(String line) {
		System.out.println("[chaos " + java.time.LocalTime.now().withNano(0) + "] " + line);
	}
}
