package org.baosong.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.slf4j.LoggerFactory;

import org.baosong.bench.Workloads.Attachment;
import org.baosong.bench.Workloads.BenchMail;
import org.baosong.bench.Workloads.Kind;

/**
 * The intake benchmark (docs/PERFORMANCE.md, ADR 0023): generates the workloads W1–W5 of quality-bars.md
 * deterministically, loads them into an IMAP mailbox (embedded GreenMail, or --host/--port/--user/--password),
 * and measures in one run, on the same corpus: the raw stages, the framework-default pipeline, and the
 * gateway itself (the application's main class in a JVM of its own against MariaDB) draining each backlog,
 * then open-loop arrivals for latency, the cursor test, and W4 under -Xmx256m. Writes target/bench/intake.md
 * and target/bench/intake.json. Not a test: {@code scripts/bench [--quick]}.
 */
public final class Benchmark {

	static final long DEFAULT_SEED = 20261123L;

	static final String PROFILE = "guangzhou-2005";

	final Options options;

	final Report report;

	final Workloads workloads;

	final BenchImap imap;

	final BenchDatabase db;

	/** Messages per second the gateway drained W2 at: the peak the open-loop arrivals are a share of. */
	double w2Peak;

	record Options(boolean quick, long seed, int w1, int w2, int w3, int w4Megabytes, int cursorMessages, int cursorProbes,
			double latencySeconds, int warm, String host, int port, String user, String password, String gatewayClassPath,
			List<String> gatewayOptions, boolean jfr, boolean oneGateway, int w5Parts, java.util.Set<String> only,
			double latencyRate) {

		/** Whether a phase (cursor, W1 … W5, latency) is to run: all unless --only names some. */
		boolean runs(String phase) {
			return only.isEmpty() || only.contains(phase);
		}

		static Options parse(List<String> args) {
			boolean quick = args.contains("--quick");
			String host = string(args, "--host", null);
			String cp = string(args, "--gateway-classpath", System.getProperty("bench.gateway.classpath"));
			if (cp == null) {
				throw new IllegalArgumentException("--gateway-classpath (or -Dbench.gateway.classpath) is required; scripts/bench sets it");
			}
			String opts = string(args, "--gateway-opts", System.getenv().getOrDefault("BENCH_GATEWAY_OPTS", "-Xmx1g"));
			return new Options(quick, Long.parseLong(string(args, "--seed", String.valueOf(DEFAULT_SEED))),
					// quick: sized to finish within 3 minutes on the shared 2-CPU machine (docs/PERFORMANCE.md), every figure still measured
					integer(args, "--w1", quick ? 150 : 10_000), integer(args, "--w2", quick ? 30 : 2_000), integer(args, "--w3", quick ? 16 : 500),
					integer(args, "--w4-mb", quick ? 10 : 50), integer(args, "--cursor", quick ? 2_000 : 100_000),
					integer(args, "--cursor-probes", quick ? 5 : 20), Double.parseDouble(string(args, "--latency-seconds", quick ? "10" : "120")),
					integer(args, "--warm", quick ? 8 : 60), host, integer(args, "--port", 143), string(args, "--user", null),
					string(args, "--password", null), cp, List.of(opts.trim().split("\\s+")), args.contains("--jfr"),
					quick ? !args.contains("--two-gateways") : args.contains("--one-gateway"), integer(args, "--w5-parts", quick ? 5_000 : 100_000),
					java.util.Set.of(string(args, "--only", "").split(",")).stream().filter(p -> !p.isBlank()).collect(java.util.stream.Collectors.toSet()),
					Double.parseDouble(string(args, "--latency-peak", "0")));
		}

		private static String string(List<String> args, String name, String fallback) {
			int at = args.indexOf(name);
			return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
		}

		private static int integer(List<String> args, String name, int fallback) {
			return Integer.parseInt(string(args, name, String.valueOf(fallback)));
		}
	}

	Benchmark(Options options, Report report, Workloads workloads, BenchImap imap, BenchDatabase db) {
		this.options = options;
		this.report = report;
		this.workloads = workloads;
		this.imap = imap;
		this.db = db;
	}

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
		// POI warns about the template's paragraph properties on every generated doc
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.poi")).setLevel(ch.qos.logback.classic.Level.ERROR);
		var options = Options.parse(List.of(args));
		var out = Path.of("target/bench");
		Files.createDirectories(out);
		var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		var workloads = new Workloads(options.seed(), today, Informants.load(Path.of("config/demo")));
		long started = System.nanoTime();
		BenchImap imap = options.host() == null ? BenchImap.embedded()
				: BenchImap.external(options.host(), options.port(), options.user(), options.password());
		var report = new Report(options, imap.describe());
		try (imap; var db = new BenchDatabase()) {
			new Benchmark(options, report, workloads, imap, db).run(out);
		}
		finally {
			report.finish((System.nanoTime() - started) / 1e9);
			report.write(out);
		}
		System.exit(0);
	}

	// ---- the run ----

	static final List<String> GATEWAY_A_MAILBOXES = List.of("warm", "w1", "w2", "w3", "w5", "latency", "cursor-empty", "cursor-full");

	void run(Path out) throws Exception {
		say("workloads: seed %d, day %s; mailbox: %s; PDFs with %s", options.seed(), workloads.today(), imap.describe(),
				Documents.chinesePdf() ? "Chinese text (CJK font found)" : "ASCII text (no CJK font on this machine)");
		if (imap.isEmbedded() && (Math.max(options.w1(), Math.max(options.w2(), options.w3())) > 3000 || options.cursorMessages() > 5000)) {
			String warning = "GreenMail answers each FETCH in time proportional to the square of the folder's size (FetchCommand computes every "
					+ "message's sequence number by copying the folder's UID list): folders of more than a few thousand messages measure GreenMail. "
					+ "Full-size runs belong on a real server: scripts/bench-dovecot start, then --host 127.0.0.1 --port 10143 --user bench "
					+ "--password bench-dovecot.";
			say("WARNING: %s", warning);
			report.note(warning);
		}
		for (String id : GATEWAY_A_MAILBOXES) {
			imap.fresh(folder(id));
			imap.fresh(staging(id));
		}
		// the cursor test's mailbox holds many messages the gateway has already processed
		say("cursor test: %,d already-processed messages into %s", options.cursorMessages(), folder("cursor-full"));
		var old = new ArrayList<byte[]>();
		for (int i = 1; i <= options.cursorMessages(); i++) {
			old.add(oldMessage(i));
			if (old.size() == 5000) {
				imap.load(folder("cursor-full"), old);
				old.clear();
			}
		}
		imap.load(folder("cursor-full"), old);
		long[] uids = imap.uids(folder("cursor-full"));
		db.migrate();
		db.alreadyProcessed("cursor-full", imap.host, imap.port, imap.user, folder("cursor-full"), uids[0], uids[1]);

		// the corpora are made while the gateway starts and warms up (nothing is timed then), and are all there before anything is
		var making = java.util.concurrent.Executors.newSingleThreadExecutor();
		var w1 = making.submit(() -> generate(options.runs("W1") ? options.w1() : 0, i -> workloads.mail(Kind.W1, "w1", i, 0)));
		var w2 = making.submit(() -> generate(options.runs("W2") ? options.w2() : 0, i -> workloads.mail(Kind.W2, "w2", i, 0)));
		var w3 = making.submit(() -> generate(options.runs("W3") ? options.w3() : 0, i -> workloads.mail(Kind.W3, "w3", i, 0)));
		var w5 = making.submit(() -> options.runs("W5") ? HostileMails.all(workloads, "http://127.0.0.1:9/unreachable", options.w5Parts())
				: List.<BenchMail>of());
		making.shutdown();
		var mailboxes = new ArrayList<>(GATEWAY_A_MAILBOXES);
		var jvm = options.gatewayOptions();
		Future<BenchMail> w4 = null;
		if (options.oneGateway() && options.w4Megabytes() > 0) {
			// quick: one gateway for everything, with W4's heap, so that it starts once
			mailboxes.add("w4");
			jvm = withHeap(jvm, "-Xmx256m");
			imap.fresh(folder("w4"));
			imap.fresh(staging("w4"));
			var makingW4 = java.util.concurrent.Executors.newSingleThreadExecutor();
			w4 = makingW4.submit(() -> workloads.mail(Kind.W4, "w4", 0, options.w4Megabytes() * 1_000_000));
			makingW4.shutdown();
		}
		try (var gateway = startGateway("a", mailboxes, jvm, out)) {
			report.gatewayStarted("a", gateway);
			warmUp(gateway);
			long waiting = System.nanoTime();
			var corpora = Map.of(Kind.W1, w1.get(), Kind.W2, w2.get(), Kind.W3, w3.get(), Kind.W5, w5.get());
			say("corpora ready (waited %.0f s for them after the warm-up)", (System.nanoTime() - waiting) / 1e9);
			phase("cursor", () -> cursorTest(gateway));
			phase("W1", () -> workload(gateway, Kind.W1, "w1", corpora.get(Kind.W1)));
			phase("W2", () -> workload(gateway, Kind.W2, "w2", corpora.get(Kind.W2)));
			phase("W3", () -> workload(gateway, Kind.W3, "w3", corpora.get(Kind.W3)));
			phase("W5", () -> workload(gateway, Kind.W5, "w5", corpora.get(Kind.W5)));
			phase("latency", () -> latency(gateway));
			if (w4 != null && options.runs("W4")) {
				var mail = w4.get();
				phase("W4", () -> w4(gateway, mail, false));
			}
			report.gatewayEnded("a", ProcStats.hwm(gateway.pid()));
		}
		if (options.w4Megabytes() > 0 && !options.oneGateway() && options.runs("W4")) {
			phase("W4", () -> w4(out));
		}
		else if (options.w4Megabytes() <= 0) {
			report.note("W4 skipped (--w4-mb 0).");
		}
		else if (!options.runs("W4")) {
			report.note("W4 skipped (not among --only).");
		}
	}

	interface Phase {
		void run() throws Exception;
	}

	private void phase(String name, Phase phase) {
		if (!options.runs(name)) {
			return;
		}
		long start = System.nanoTime();
		try {
			phase.run();
		}
		catch (Exception | AssertionError ex) {
			say("%s FAILED: %s", name, ex);
			ex.printStackTrace();
			report.failed(name, ex);
		}
		say("%s done in %.0f s", name, (System.nanoTime() - start) / 1e9);
	}

	private GatewayProcess startGateway(String name, List<String> mailboxes, List<String> jvmOptions, Path out) throws Exception {
		var properties = new LinkedHashMap<String, String>();
		properties.put("spring.datasource.url", db.settings.url());
		properties.put("spring.datasource.username", db.settings.username());
		properties.put("spring.datasource.password", db.settings.password());
		properties.put("baosong.data-dir", Files.createTempDirectory("baosong-bench-" + name + "-").toString());
		properties.put("baosong.demo.enabled", "true");
		properties.put("baosong.embedded-mail.enabled", "false");
		properties.put("baosong.security.initial-admin-password", GatewayProcess.ADMIN_PASSWORD);
		if (imap.isEmbedded()) {
			properties.put("baosong.replies.smtp.host", "127.0.0.1");
			properties.put("baosong.replies.smtp.port", String.valueOf(imap.smtpPort()));
			// GreenMail refuses the null reverse path (MAIL FROM:<>) of RFC 3834 that the gateway uses by default
			properties.put("baosong.replies.envelope-sender", "bench-gateway@bench.baosong.test");
		}
		else {
			properties.put("baosong.replies.enabled", "false");
		}
		for (int i = 0; i < mailboxes.size(); i++) {
			String p = "baosong.mailboxes[" + i + "].";
			properties.put(p + "id", mailboxes.get(i));
			properties.put(p + "protocol", "imap");
			properties.put(p + "host", imap.host);
			properties.put(p + "port", String.valueOf(imap.port));
			properties.put(p + "username", imap.user);
			properties.put(p + "password", imap.password);
			properties.put(p + "folder", folder(mailboxes.get(i)));
			properties.put(p + "profile", PROFILE);
			if (mailboxes.get(i).equals("w4")) {
				// the spec's W4 is a 50 MB attachment: base64 makes the message larger than the default limit of 50 MB
				properties.put(p + "max-message-size", "100MB");
			}
		}
		var jvm = new ArrayList<>(jvmOptions);
		if (options.jfr()) {
			jvm.add("-XX:StartFlightRecording=filename=" + out.toAbsolutePath().resolve("gateway-" + name + ".jfr") + ",settings=profile");
		}
		say("starting gateway %s (%s)", name, String.join(" ", jvm));
		long start = System.nanoTime();
		var gateway = GatewayProcess.start(jvm, options.gatewayClassPath(), properties, out.resolve("gateway-" + name + ".log"));
		gateway.awaitReady(Duration.ofMinutes(3));
		report.startup(name, (System.nanoTime() - start) / 1e9, jvm);
		say("gateway %s ready in %.1f s (pid %d)", name, (System.nanoTime() - start) / 1e9, gateway.pid());
		return gateway;
	}

	/** A first backlog of every kind, so that JIT, pools and the parser process are warm before anything is timed. */
	private void warmUp(GatewayProcess gateway) throws Exception {
		int n = options.warm();
		var mails = new ArrayList<BenchMail>();
		for (int i = 0; i < n; i++) {
			Kind kind = i % 4 == 3 ? Kind.W3 : i % 2 == 0 ? Kind.W1 : Kind.W2;
			mails.add(workloads.mail(kind, "warm", i, 0));
		}
		imap.load(staging("warm"), raws(mails));
		// the raw stages warm up too
		RawBaselines.imapFetch(imap, staging("warm"));
		RawBaselines.mime4j(raws(mails));
		RawBaselines.tika(attachments(mails), n);
		drain(gateway, "warm", n, 0, Duration.ofMinutes(5));
		say("warm-up: %d messages drained; outcomes %s", n, db.outcomeSummary("warm"));
		report.warmUp(n, db.outcomeSummary("warm"));
	}

	/** One workload: raw stages, framework default, the gateway's drain, then the batched insert of the drain's rows. */
	private void workload(GatewayProcess gateway, Kind kind, String id, List<BenchMail> mails) throws Exception {
		int count = mails.size();
		long bytes = mails.stream().mapToLong(m -> m.raw().length).sum();
		imap.load(staging(id), raws(mails));
		say("%s: %,d messages, %.1f MB loaded", kind, count, bytes / 1e6);
		var stages = new ArrayList<Stage>();
		stages.add(RawBaselines.imapFetch(imap, staging(id)));
		stages.add(RawBaselines.mime4j(raws(mails)));
		if (kind != Kind.W1 && kind != Kind.W5) {
			stages.add(RawBaselines.tika(attachments(mails), count));
		}
		Stage framework = null;
		if (kind != Kind.W5) {
			imap.fresh(id + "-fw");
			// quick: the default's rate over an eighth of the workload, at least 2 (on GreenMail it waits ~40 ms per round trip, several
			// per message and part: a W3 message takes it about 8 s)
			int sample = options.quick() ? Math.min(count, Math.max(2, count / 8)) : count;
			imap.copyFirst(staging(id), id + "-fw", sample);
			framework = FrameworkDefault.run(imap, id + "-fw", sample, Duration.ofHours(2));
			if (sample < count) {
				framework = framework.withNote("quick mode: the first " + sample + " of the " + count + " messages");
			}
			imap.delete(id + "-fw");
			say("%s: framework default %.1f msgs/s", kind, framework.perSecond());
		}
		var before = db.idSnapshot();
		var seen = new ArrayList<OutcomeWatcher.Seen>();
		var drained = drain(gateway, id, count, bytes, Duration.ofSeconds(Math.max(300, count)), seen::addAll);
		var outcomes = db.outcomeSummary(id);
		stages.add(RawBaselines.jdbcInsert(db.serverUrl(), db.settings.username(), db.settings.password(), db.name,
				scratchDatabase(), before, count));
		for (Stage s : stages) {
			say("%s: %-28s %8.1f msgs/s %8.1f MB/s %8.4f CPU s/msg", kind, s.name(), s.perSecond(), s.megabytesPerSecond(), s.cpuPerMessage());
		}
		say("%s: Baosong drain %.1f msgs/s (%.1f s), gateway CPU %.4f s/msg; outcomes %s", kind, drained.stage.perSecond(),
				drained.stage.seconds(), drained.stage.cpuPerMessage(), outcomes);
		if (kind == Kind.W2) {
			w2Peak = drained.stage.perSecond();
		}
		report.workload(kind, count, bytes, stages, framework, drained, outcomes, kind == Kind.W5 ? hostileOutcomes(seen, mails) : null);
		imap.clear(staging(id));
		imap.clear(folder(id));
	}

	/**
	 * The outcome of each hostile case, and the seconds from the outcome before it (the gateway processes one
	 * message at a time, in UID order; the COPY keeps the cases' order).
	 */
	private static Map<String, String> hostileOutcomes(List<OutcomeWatcher.Seen> rows, List<BenchMail> mails) {
		var out = new LinkedHashMap<String, String>();
		Instant previous = null;
		for (int i = 0; i < mails.size(); i++) {
			String value = "no row";
			if (i < rows.size()) {
				Instant at = rows.get(i).done;
				value = rows.get(i).outcome + (previous == null || at == null ? " | " : " | %.1f".formatted(Duration.between(previous, at).toMillis() / 1e3));
				previous = at;
			}
			out.put(mails.get(i).name().substring(3), value);
		}
		return out;
	}

	private String scratch;

	private String scratchDatabase() throws Exception {
		if (scratch == null) {
			scratch = BenchDatabase.databaseName(org.baosong.testsupport.TestDatabase.create().url());
		}
		return scratch;
	}

	/** What a drain measured: the stage (gateway CPU and wall time), peaks of memory, the other processes' CPU. */
	record Drain(Stage stage, long gatewayPeakRss, long parserPeakRss, int parserProcesses, double databaseCpu, double harnessCpu, boolean complete) {
	}

	/**
	 * Copies the staged backlog into the gateway's folder with one IMAP COPY and waits until every message of
	 * it has an outcome. Time: from just before the COPY to the last outcome's processed_at.
	 */
	private Drain drain(GatewayProcess gateway, String id, int count, long bytes, Duration timeout) throws Exception {
		return drain(gateway, id, count, bytes, timeout, null);
	}

	/** The same, handing the watcher's rows (in UID order) to {@code rows} before it closes. */
	private Drain drain(GatewayProcess gateway, String id, int count, long bytes, Duration timeout,
			java.util.function.Consumer<List<OutcomeWatcher.Seen>> rows) throws Exception {
		var dbPid = ProcStats.databaseServer();
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		try (var watcher = new OutcomeWatcher(db, id, 50); var sampler = new ProcStats.Sampler(gateway.pid())) {
			double cpu0 = ProcStats.cpuSeconds(gateway.pid());
			double db0 = dbPid.map(ProcStats::ownCpuSeconds).orElse(0.0);
			double harness0 = os.getProcessCpuTime() / 1e9;
			Instant start = Instant.now();
			int copied = imap.copyAll(staging(id), folder(id));
			if (copied != count) {
				throw new IllegalStateException("staged " + copied + " messages in " + staging(id) + ", expected " + count);
			}
			boolean complete = watcher.await(count, timeout);
			double cpu = ProcStats.cpuSeconds(gateway.pid()) - cpu0;
			double dbCpu = dbPid.map(ProcStats::ownCpuSeconds).orElse(0.0) - db0;
			double harness = os.getProcessCpuTime() / 1e9 - harness0;
			Instant end = complete ? watcher.lastDone() : Instant.now();
			double seconds = Duration.between(start, end).toNanos() / 1e9;
			int done = watcher.done();
			var stage = new Stage("Baosong drain (end to end)", done, done, "outcomes", bytes, seconds, cpu,
					complete ? "" : "TIMED OUT after " + timeout.toSeconds() + " s with " + done + " of " + count + " outcomes");
			sampler.close();
			if (rows != null) {
				rows.accept(watcher.inUidOrder());
			}
			return new Drain(stage, sampler.peak(), sampler.childPeak(), sampler.childrenSeen(), dbCpu, harness, complete);
		}
	}

	interface Check {
		boolean ok() throws Exception;
	}

	private static boolean await(Check check, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (check.ok()) {
				return true;
			}
			Thread.sleep(100);
		}
		return check.ok();
	}

	// ---- cursor ----

	/**
	 * A new message in a mailbox holding many already-processed messages against one in an empty mailbox,
	 * alternately, one at a time: arrival (APPEND done) to receipt (stage 1, where a rescan would show) and to
	 * outcome.
	 */
	private void cursorTest(GatewayProcess gateway) throws Exception {
		var received = new LinkedHashMap<String, List<Double>>();
		var filed = new LinkedHashMap<String, List<Double>>();
		for (String box : List.of("cursor-empty", "cursor-full")) {
			received.put(box, new ArrayList<>());
			filed.put(box, new ArrayList<>());
		}
		for (int i = 0; i < options.cursorProbes(); i++) {
			for (String box : i % 2 == 0 ? List.of("cursor-empty", "cursor-full") : List.of("cursor-full", "cursor-empty")) {
				var mail = workloads.mail(Kind.W1, box, i, 0);
				try (var watcher = new OutcomeWatcher(db, box, 10)) {
					Instant arrival = Instant.now();
					imap.append(folder(box), mail.raw());
					if (!watcher.await(1, Duration.ofSeconds(120))) {
						throw new IllegalStateException("no outcome for the cursor probe in " + box + " within 120 s");
					}
					var row = watcher.inUidOrder().get(0);
					received.get(box).add(Duration.between(arrival, row.received).toNanos() / 1e6);
					filed.get(box).add(Duration.between(arrival, row.done).toNanos() / 1e6);
				}
			}
		}
		double serverEmpty = RawBaselines.fetchNewestMillis(imap, folder("cursor-empty"));
		double serverFull = RawBaselines.fetchNewestMillis(imap, folder("cursor-full"));
		say("cursor: filed ms empty %s, full %s; the server's own FETCH of the newest message: %.1f vs %.1f ms", filed.get("cursor-empty"),
				filed.get("cursor-full"), serverEmpty, serverFull);
		report.cursor(options.cursorMessages(), received, filed, serverEmpty, serverFull);
	}

	// ---- latency ----

	/** Open-loop Poisson arrivals of W2 messages at 50% and 80% of the measured W2 drain rate, IDLE on. */
	private void latency(GatewayProcess gateway) throws Exception {
		if (w2Peak <= 0 && options.latencyRate() > 0) {
			w2Peak = options.latencyRate();
		}
		if (w2Peak <= 0) {
			throw new IllegalStateException("no W2 drain rate to take the arrival rates from (run W2, or give --latency-peak)");
		}
		var delays = notificationDelays();
		double notification = Report.max(delays);
		report.notificationDelay(delays);
		say("IDLE notification delay of the server: %s ms", delays);
		for (double share : new double[] { 0.5, 0.8 }) {
			double rate = share * w2Peak;
			var r = new SplittableRandom(options.seed() + (long) (share * 100));
			var offsets = new ArrayList<Double>();
			for (double t = 0; ; ) {
				t += -Math.log(1 - r.nextDouble()) / rate;
				if (t > options.latencySeconds()) {
					break;
				}
				offsets.add(t);
			}
			String tag = "lat" + (int) (share * 100);
			var mails = generate(offsets.size(), i -> workloads.mail(Kind.W2, tag, i, 0));
			var arrivals = new LinkedHashMap<String, Instant>();
			var watcher = new OutcomeWatcher(db, "latency", 10);
			var sampler = new ProcStats.Sampler(gateway.pid());
			long t0 = System.nanoTime();
			for (int i = 0; i < mails.size(); i++) {
				long due = t0 + (long) (offsets.get(i) * 1e9);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				arrivals.put(mails.get(i).messageId(), Instant.now());
				imap.append(folder("latency"), mails.get(i).raw());
			}
			double sendSeconds = (System.nanoTime() - t0) / 1e9;
			boolean complete = watcher.await(mails.size(), Duration.ofMinutes(3));
			sampler.close();
			var latencies = new ArrayList<Double>();
			var slowest = new java.util.TreeMap<Double, Instant>(java.util.Comparator.reverseOrder());
			for (var a : arrivals.entrySet()) {
				var row = watcher.byMessageId(a.getKey());
				if (row != null && row.done != null) {
					double ms = Duration.between(a.getValue(), row.done).toNanos() / 1e6;
					latencies.add(ms);
					slowest.put(ms, a.getValue());
				}
			}
			watcher.close();
			say("latency at %.0f%% of peak (%.2f msgs/s): %d messages, p50/p99 %s", share * 100, rate, mails.size(),
					latencies.isEmpty() ? "-" : Report.percentile(latencies, 50) + "/" + Report.percentile(latencies, 99));
			// the slowest arrivals with their times, to set beside the gateway's log (target/bench/gateway-a.log)
			say("  slowest arrivals (arrived at, ms): %s", slowest.entrySet().stream().limit(10)
				.map(e -> e.getValue() + " " + Math.round(e.getKey())).collect(java.util.stream.Collectors.joining(", ")));
			report.latency(share, rate, mails.size(), sendSeconds, latencies, complete, sampler.peak(), notification);
		}
	}

	/**
	 * The server's own IDLE notification delay: a client of ours IDLEs on a folder of its own and notes
	 * when the server tells it of each message APPENDed meanwhile. Five messages, 300 ms apart.
	 */
	private List<Double> notificationDelays() throws Exception {
		String probe = "bench-idle-probe";
		imap.fresh(probe);
		var session = jakarta.mail.Session.getInstance(new java.util.Properties());
		var store = session.getStore("imap");
		store.connect(imap.host, imap.port, imap.user, imap.password);
		var folder = (org.eclipse.angus.mail.imap.IMAPFolder) store.getFolder(probe);
		folder.open(jakarta.mail.Folder.READ_ONLY);
		var notified = new java.util.concurrent.LinkedBlockingQueue<Long>();
		folder.addMessageCountListener(new jakarta.mail.event.MessageCountAdapter() {
			@Override
			public void messagesAdded(jakarta.mail.event.MessageCountEvent event) {
				notified.add(System.nanoTime());
			}
		});
		var idler = new Thread(() -> {
			try {
				while (folder.isOpen() && !Thread.currentThread().isInterrupted()) {
					folder.idle(true);
				}
			}
			catch (Exception ended) {
				// the folder was closed
			}
		}, "idle-probe");
		idler.setDaemon(true);
		idler.start();
		Thread.sleep(500);
		var delays = new ArrayList<Double>();
		for (int i = 0; i < 5; i++) {
			long sent = System.nanoTime();
			imap.append(probe, oldMessage(900_000 + i));
			Long at = notified.poll(10, java.util.concurrent.TimeUnit.SECONDS);
			delays.add(at == null ? 10_000.0 : Math.max(0, at - sent) / 1e6);
			Thread.sleep(300);
		}
		idler.interrupt();
		try {
			folder.close(false);
		}
		catch (Exception ignored) {
			// IDLE in progress
		}
		store.close();
		return delays;
	}

	// ---- W4 ----

	/** W4 in a gateway of its own with -Xmx256m. */
	private void w4(Path out) throws Exception {
		imap.fresh(folder("w4"));
		imap.fresh(staging("w4"));
		var making = java.util.concurrent.Executors.newSingleThreadExecutor();
		var w4 = making.submit(() -> workloads.mail(Kind.W4, "w4", 0, options.w4Megabytes() * 1_000_000));
		making.shutdown();
		try (var gateway = startGateway("b", List.of("w4"), withHeap(options.gatewayOptions(), "-Xmx256m"), out)) {
			w4(gateway, w4.get(), true);
			report.gatewayEnded("b", ProcStats.hwm(gateway.pid()));
		}
	}

	/** Idle RSS (after a warm-up of 5 W1 messages in a fresh gateway), then the one large message with the raw stages on it. */
	private void w4(GatewayProcess gateway, BenchMail mail, boolean fresh) throws Exception {
		if (fresh) {
			var warm = generate(5, i -> workloads.mail(Kind.W1, "w4warm", i, 0));
			imap.load(staging("w4"), raws(warm));
			drain(gateway, "w4", warm.size(), 0, Duration.ofMinutes(2));
			imap.clear(staging("w4"));
		}
		Thread.sleep(2000);
		var idle = new ArrayList<Long>();
		for (int i = 0; i < 30; i++) {
			idle.add(ProcStats.rss(gateway.pid()));
			Thread.sleep(100);
		}
		long idleRss = idle.stream().sorted().toList().get(idle.size() / 2);
		imap.load(staging("w4"), List.of(mail.raw()));
		var stages = new ArrayList<Stage>();
		stages.add(RawBaselines.imapFetch(imap, staging("w4")));
		stages.add(RawBaselines.mime4j(List.of(mail.raw())));
		stages.add(RawBaselines.tika(mail.attachments(), 1));
		var drained = drain(gateway, "w4", 1, mail.raw().length, Duration.ofMinutes(5));
		var outcomes = db.outcomeSummary("w4");
		say("W4: %s in %.1f s; gateway RSS idle %d MB, peak %d MB; message %.1f MB", outcomes, drained.stage.seconds(), idleRss >> 20,
				drained.gatewayPeakRss() >> 20, mail.raw().length / 1e6);
		report.w4(options.w4Megabytes(), mail.raw().length, stages, drained, idleRss, outcomes, withHeap(options.gatewayOptions(), "-Xmx256m"), fresh);
	}

	private static List<String> withHeap(List<String> jvm, String heap) {
		var out = new ArrayList<String>();
		for (String o : jvm) {
			if (!o.startsWith("-Xmx")) {
				out.add(o);
			}
		}
		out.add(heap);
		return out;
	}

	// ---- helpers ----

	static String folder(String id) {
		return "bench-" + id;
	}

	static String staging(String id) {
		return "bench-" + id + "-staging";
	}

	private static List<BenchMail> generate(int count, IntFunction<BenchMail> mail) {
		var out = new ArrayList<BenchMail>(count);
		for (int i = 0; i < count; i++) {
			out.add(mail.apply(i));
		}
		return out;
	}

	static List<byte[]> raws(List<BenchMail> mails) {
		return mails.stream().map(BenchMail::raw).toList();
	}

	static List<Attachment> attachments(List<BenchMail> mails) {
		return mails.stream().flatMap(m -> m.attachments().stream()).toList();
	}

	/** A small message as it would have been long processed: only its UID matters to the cursor test. */
	private static byte[] oldMessage(int i) {
		return ("From: old@bench.baosong.test\r\nTo: " + Workloads.TO + "\r\nSubject: old message " + i + "\r\nMessage-ID: <old-" + i
				+ "@bench.baosong.test>\r\nDate: Mon, 2 Nov 2026 09:00:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=US-ASCII\r\n\r\n"
				+ "An old message, processed long ago. " + "x".repeat(600) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

	static void say(String format, Object... args) {
		System.out.printf("[bench %s] %s%n", java.time.LocalTime.now().withNano(0), String.format(format, args));
	}
}
