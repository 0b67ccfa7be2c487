package org.baosong.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.baosong.BaosongApplication;
import org.baosong.bulletins.Bulletin;
import org.baosong.bulletins.Bulletins;
import org.baosong.profile.PeriodKind;
import org.baosong.profile.ProfileCatalog;
import org.baosong.scoring.PeriodCloses;
import org.baosong.scoring.PeriodRef;
import org.baosong.testsupport.GatewayTestInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bulletin benchmark (scripts/bench-bulletin, docs/PERFORMANCE.md "Bulletins"): the application in this
 * JVM on a fresh MariaDB database (migrated by the application's Flyway at start-up), a registry of units and a
 * year of ledger rows from {@link LedgerWorkload} inserted in batches, the year's quarters closed through the
 * application's own period close, then the last quarter's bulletin for all sequences generated through
 * {@link Bulletins#generate} (the production path: the background generator, the computation, the snapshot)
 * until its row is DRAFT, after a warm-up, several times. Beside it, timed the same way on the same data, a
 * plain {@code SELECT unit_id, SUM(points), COUNT(*) ... GROUP BY unit_id} of the quarter (the baseline) and a
 * plain read of every row of the quarter (what the explanations must at least read). Target
 * (quality-bars.md): under 2 s for 500 units over 1,000,000 rows.
 */
public final class BulletinBenchmark {

	static final double TARGET_SECONDS = 2.0;

	record Options(boolean quick, int units, int rows, long seed, int warmUp, int repetitions, int year) {

		static Options parse(String[] args) {
			boolean quick = List.of(args).contains("--quick");
			int units = quick ? 100 : 500;
			int rows = quick ? 100_000 : 1_000_000;
			long seed = 20261122;
			int warmUp = 2;
			int repetitions = quick ? 5 : 7;
			int year = 2025;
			for (int i = 0; i < args.length; i++) {
				String value = i + 1 < args.length ? args[i + 1] : null;
				switch (args[i]) {
					case "--quick" -> {
					}
					case "--units" -> units = Integer.parseInt(value);
					case "--rows" -> rows = Integer.parseInt(value);
					case "--seed" -> seed = Long.parseLong(value);
					case "--warm-up" -> warmUp = Integer.parseInt(value);
					case "--repetitions" -> repetitions = Integer.parseInt(value);
					case "--year" -> year = Integer.parseInt(value);
					default -> throw new IllegalArgumentException("unknown option " + args[i]
							+ " (--quick, --units N, --rows N, --seed N, --warm-up N, --repetitions N, --year YYYY)");
				}
				if (!"--quick".equals(args[i])) {
					i++;
				}
			}
			return new Options(quick, units, rows, seed, warmUp, repetitions, year);
		}
	}

	private final Options options;

	private final Map<String, Object> json = new LinkedHashMap<>();

	private final List<Double> loads = new ArrayList<>();

	private BulletinBenchmark(Options options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		int exit;
		try {
			exit = new BulletinBenchmark(options).run();
		}
		catch (Exception | Error ex) {
			ex.printStackTrace();
			exit = 1;
		}
		System.exit(exit);
	}

	private int run() throws Exception {
		Instant started = Instant.now();
		load();
		json.put("command", "scripts/bench-bulletin" + (options.quick() ? " --quick" : ""));
		json.put("date", started.toString());
		json.put("machine", machine());
		json.put("units", options.units());
		json.put("rows", options.rows());
		json.put("seed", options.seed());
		long t0 = System.nanoTime();
		ConfigurableApplicationContext app = new SpringApplicationBuilder(BaosongApplication.class)
			.initializers(new GatewayTestInitializer())
			.run("--server.port=0", "--baosong.demo.enabled=false", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
		try {
			json.put("startupSeconds", seconds(System.nanoTime() - t0));
			var env = app.getEnvironment();
			String url = env.getProperty("spring.datasource.url");
			try (Connection db = DriverManager.getConnection(url, env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"))) {
				json.put("database", db.getMetaData().getDatabaseProductName() + " " + db.getMetaData().getDatabaseProductVersion());
				return measure(app, db);
			}
		}
		finally {
			app.close();
			json.put("runSeconds", Math.round(seconds(System.nanoTime() - t0)));
			load();
			write();
		}
	}

	private int measure(ConfigurableApplicationContext app, Connection db) throws Exception {
		var profile = app.getBean(ProfileCatalog.class).find(LedgerWorkload.PROFILE).orElseThrow();
		var workload = new LedgerWorkload(options.seed(), options.units(), options.rows(), options.year(), profile.calendar());

		long t = System.nanoTime();
		LedgerLoader loader = new LedgerLoader(db);
		loader.registry(workload);
		workload.generate(loader);
		loader.close();
		json.put("loadSeconds", seconds(System.nanoTime() - t));
		json.put("loaded", Map.of("units", workload.units().size(), "scoreEntries", loader.entryCount, "editorialActs", loader.actCount,
				"inboundMails", loader.inboundCount));
		System.out.printf("loaded %d units, %d ledger rows, %d acts, %d messages in %.1f s%n", workload.units().size(), loader.entryCount, loader.actCount,
				loader.inboundCount, seconds(System.nanoTime() - t));
		try (var s = db.createStatement()) {
			s.execute("ANALYZE TABLE score_entry, editorial_act, inbound_mail, unit");
		}
		load();

		// the year's quarters are closed as an office closes them (their close rows join the ledger; alerts need a close)
		var closes = app.getBean(PeriodCloses.class);
		var quarters = profile.calendar().periodsOf(options.year(), PeriodKind.QUARTER);
		t = System.nanoTime();
		for (var q : quarters) {
			closes.close(profile.id(), new PeriodRef(q.kind(), q.key()), "bench", false);
		}
		json.put("closeSeconds", seconds(System.nanoTime() - t));
		var quarter = quarters.get(quarters.size() - 1);
		json.put("period", quarter.kind() + " " + quarter.key() + " (" + quarter.start() + " – " + quarter.end() + ")");
		json.put("quarterRows", count(db, "SELECT COUNT(*) FROM score_entry WHERE profile_id = ? AND period_quarter = ?", quarter.key()));
		json.put("ledgerRows", count(db, "SELECT COUNT(*) FROM score_entry WHERE profile_id = ?", null));

		var bulletins = app.getBean(Bulletins.class);
		var request = new Bulletins.Request(profile.id(), quarter.kind().name(), quarter.key(), List.of());
		long pid = ProcessHandle.current().pid();
		Long dbPid = ProcStats.databaseServer().orElse(null);

		var bulletin = new ArrayList<Double>();
		var ownCpu = new ArrayList<Double>();
		var dbCpu = new ArrayList<Double>();
		var stages = new LinkedHashMap<String, List<Double>>();
		long lastId = 0;
		for (int i = 0; i < options.warmUp() + options.repetitions(); i++) {
			double cpu0 = ProcStats.cpuSeconds(pid);
			double db0 = dbPid == null ? 0 : ProcStats.ownCpuSeconds(dbPid);
			var run = generate(bulletins, request);
			double cpu = ProcStats.cpuSeconds(pid) - cpu0;
			double dbc = dbPid == null ? 0 : ProcStats.ownCpuSeconds(dbPid) - db0;
			lastId = run.id;
			System.out.printf("%s %d: bulletin #%d %.3f s (%s)%n", i < options.warmUp() ? "warm-up" : "run", i + 1, run.id, run.seconds, run.stages);
			if (i >= options.warmUp()) {
				bulletin.add(run.seconds);
				ownCpu.add(cpu);
				dbCpu.add(dbc);
				run.stages.forEach((stage, s) -> stages.computeIfAbsent(stage, k -> new ArrayList<>()).add(s));
			}
			load();
		}
		var last = bulletins.find(lastId).orElseThrow();
		json.put("bulletinLedgerLines", last.ledgerLines());
		json.put("snapshotBytes", count(db, "SELECT LENGTH(snapshot) FROM bulletin WHERE id = " + lastId, null));
		var content = bulletins.content(lastId).orElseThrow();
		json.put("bulletinUnits", content.unitCount());
		json.put("bulletinLines", content.sequences().stream().flatMap(s -> s.rows().stream()).mapToLong(u -> u.lines().size()).sum());
		json.put("alerts", content.alerts().size());

		String sumSql = "SELECT unit_id, SUM(points), COUNT(*) FROM score_entry WHERE profile_id = ? AND period_quarter = ? GROUP BY unit_id";
		var baseline = timed(() -> rowsOf(db, sumSql, quarter.key()));
		String readSql = "SELECT id, scope_key, unit_id, period_year, period_half, period_quarter, period_month, period_week, points, rule_id, "
				+ "event_kind, event_id, submission_id, report_type, explanation, reverses_id, occurred_at, created_at FROM score_entry "
				+ "WHERE profile_id = ? AND period_quarter = ?";
		var readAll = timed(() -> rowsOf(db, readSql, quarter.key()));

		final long exportId = lastId;
		var xlsx = timedFew(() -> (long) bulletins.xlsx(exportId).orElseThrow().content().length);
		var docx = timedFew(() -> (long) bulletins.docx(exportId).orElseThrow().content().length);
		// since ADR 0025 was amended the lines are read up to the watermark when shown: every unit's (the content API), one unit's (its page)
		var everyLine = timedFew(() -> (long) bulletins.content(exportId).orElseThrow().unitCount());
		long firstUnit = content.sequences().get(0).rows().get(0).unitId();
		var oneUnit = timedFew(() -> (long) bulletins.unit(exportId, firstUnit).orElseThrow().unit(firstUnit).orElseThrow().lines().size());

		var results = new LinkedHashMap<String, Object>();
		results.put("bulletin", stats(bulletin));
		results.put("bulletinCpuSeconds", stats(ownCpu));
		results.put("databaseServerCpuSeconds", stats(dbCpu));
		results.put("baselineSumGroupBy", stats(baseline.seconds));
		results.put("baselineReadQuarterRows", stats(readAll.seconds));
		results.put("xlsxExport", stats(xlsx.seconds));
		results.put("docxExport", stats(docx.seconds));
		results.put("contentWithEveryLine", stats(everyLine.seconds));
		results.put("oneUnitsLines", stats(oneUnit.seconds));
		var stageStats = new LinkedHashMap<String, Object>();
		stages.forEach((k, v) -> stageStats.put(k, stats(v)));
		results.put("stages", stageStats);
		json.put("results", results);
		json.put("baselineRows", baseline.result);
		json.put("readRows", readAll.result);
		json.put("xlsxBytes", xlsx.result);
		json.put("docxBytes", docx.result);
		double p50 = Report.percentile(bulletin, 50);
		double max = Report.max(bulletin);
		json.put("ratioToBaselineP50", Report.round(p50 / Report.percentile(baseline.seconds, 50)));
		json.put("ratioToReadP50", Report.round(p50 / Report.percentile(readAll.seconds, 50)));
		json.put("targetMet", max < TARGET_SECONDS);
		return 0;
	}

	/** One bulletin: requested, then polled every 2 ms until it is no longer GENERATING; the stages as seen. */
	private record Run(long id, double seconds, Map<String, Double> stages) {
	}

	private static Run generate(Bulletins bulletins, Bulletins.Request request) {
		long t0 = System.nanoTime();
		long id = bulletins.generate(request, "bench");
		var stages = new LinkedHashMap<String, Double>();
		String stage = "QUEUED";
		long stageStart = t0;
		long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
		Bulletin b;
		while (true) {
			b = bulletins.find(id).orElseThrow();
			long now = System.nanoTime();
			String seen = b.generating() ? String.valueOf(b.stage()) : "DONE";
			if (!seen.equals(stage)) {
				stages.merge(stage, seconds(now - stageStart), Double::sum);
				stage = seen;
				stageStart = now;
			}
			if (!b.generating()) {
				break;
			}
			if (now > deadline) {
				throw new IllegalStateException("bulletin #" + id + " still generating after 10 minutes");
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
		}
		double seconds = seconds(System.nanoTime() - t0);
		if (!b.draft()) {
			throw new IllegalStateException("bulletin #" + id + " ended " + b.state() + ": " + b.error());
		}
		return new Run(id, seconds, stages);
	}

	private record Timed(List<Double> seconds, long result) {
	}

	/** Warm-up and repetitions as the bulletin has them, timed the same way (wall clock). */
	private Timed timed(Callable<Long> work) throws Exception {
		var seconds = new ArrayList<Double>();
		long result = 0;
		for (int i = 0; i < options.warmUp() + options.repetitions(); i++) {
			long t = System.nanoTime();
			result = work.call();
			if (i >= options.warmUp()) {
				seconds.add(seconds(System.nanoTime() - t));
			}
		}
		return new Timed(seconds, result);
	}

	/** One warm-up and two timed runs (the exports are reported, not the target). */
	private static Timed timedFew(Callable<Long> work) throws Exception {
		var seconds = new ArrayList<Double>();
		long result = 0;
		for (int i = 0; i < 3; i++) {
			long t = System.nanoTime();
			result = work.call();
			if (i > 0) {
				seconds.add(seconds(System.nanoTime() - t));
			}
		}
		return new Timed(seconds, result);
	}

	private static long rowsOf(Connection db, String sql, String quarter) throws SQLException {
		try (var s = db.prepareStatement(sql)) {
			s.setString(1, LedgerWorkload.PROFILE);
			s.setString(2, quarter);
			long n = 0;
			try (var rs = s.executeQuery()) {
				int columns = rs.getMetaData().getColumnCount();
				var keep = new ArrayList<Object[]>();
				while (rs.next()) {
					var row = new Object[columns];
					for (int c = 0; c < columns; c++) {
						row[c] = rs.getObject(c + 1);
					}
					keep.add(row);
					n++;
				}
			}
			return n;
		}
	}

	private static long count(Connection db, String sql, String quarter) throws SQLException {
		try (var s = db.prepareStatement(sql)) {
			if (sql.contains("?")) {
				s.setString(1, LedgerWorkload.PROFILE);
				if (quarter != null) {
					s.setString(2, quarter);
				}
			}
			try (var rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static Map<String, Object> stats(List<Double> values) {
		var m = new LinkedHashMap<String, Object>();
		m.put("n", values.size());
		m.put("p50", Report.round(Report.percentile(values, 50)));
		m.put("max", Report.round(Report.max(values)));
		m.put("min", Report.round(values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)));
		m.put("all", values.stream().map(Report::round).toList());
		return m;
	}

	private void load() {
		try {
			loads.add(Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]));
		}
		catch (Exception ex) {
			// no /proc: no load figures
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static String machine() {
		return "%d CPUs, %s %s %s, Java %s, %d GB memory".formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
				System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.version"),
				((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 30);
	}

	@SuppressWarnings("unchecked")
	private void write() throws Exception {
		if (!loads.isEmpty()) {
			json.put("loadAverage", Map.of("min", loads.stream().mapToDouble(Double::doubleValue).min().orElse(0),
					"max", loads.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
		}
		var md = new StringBuilder("# Bulletin benchmark\n\n");
		md.append("- command: `").append(json.get("command")).append("` (units ").append(options.units()).append(", rows ").append(options.rows())
			.append(", seed ").append(options.seed()).append(", warm-up ").append(options.warmUp()).append(", repetitions ").append(options.repetitions())
			.append(")\n");
		md.append("- date: ").append(json.get("date")).append("; run time ").append(json.get("runSeconds")).append(" s\n");
		md.append("- machine: ").append(json.get("machine")).append("; database: ").append(json.get("database")).append("\n");
		md.append("- load average (1 min) during the run: ").append(json.get("loadAverage")).append("\n");
		md.append("- loaded: ").append(json.get("loaded")).append(" in ").append(round1(json.get("loadSeconds"))).append(" s; quarters closed in ")
			.append(round1(json.get("closeSeconds"))).append(" s; ledger rows with the close rows: ").append(json.get("ledgerRows")).append("\n");
		md.append("- bulletin: ").append(json.get("period")).append(", all sequences: ").append(json.get("quarterRows"))
			.append(" ledger rows in the quarter; ").append(json.get("bulletinUnits")).append(" units, ").append(json.get("bulletinLines"))
			.append(" explanation lines, ").append(json.get("alerts")).append(" alerts; snapshot ").append(json.get("snapshotBytes")).append(" bytes gzip\n");
		var results = (Map<String, Object>) json.get("results");
		if (results != null) {
			md.append("\n| measured (s, wall clock) | n | p50 | max | min |\n|---|---:|---:|---:|---:|\n");
			for (var e : results.entrySet()) {
				if (e.getKey().equals("stages")) {
					continue;
				}
				var s = (Map<String, Object>) e.getValue();
				md.append("| ").append(e.getKey()).append(" | ").append(s.get("n")).append(" | ").append(s.get("p50")).append(" | ").append(s.get("max"))
					.append(" | ").append(s.get("min")).append(" |\n");
			}
			md.append("\nStages of the bulletin (as its progress showed them, polled every 2 ms):\n\n| stage | p50 s | max s |\n|---|---:|---:|\n");
			((Map<String, Object>) results.get("stages")).forEach((k, v) -> md.append("| ").append(k).append(" | ")
				.append(((Map<String, Object>) v).get("p50")).append(" | ").append(((Map<String, Object>) v).get("max")).append(" |\n"));
			md.append("\n- ratio bulletin p50 / baseline (SUM … GROUP BY) p50: ").append(json.get("ratioToBaselineP50")).append("\n");
			md.append("- ratio bulletin p50 / plain read of the quarter's rows p50: ").append(json.get("ratioToReadP50")).append("\n");
			md.append("- target: max under ").append(TARGET_SECONDS).append(" s: ").append(Boolean.TRUE.equals(json.get("targetMet")) ? "met" : "**not met**")
				.append("\n");
		}
		Path out = Path.of("target/bench");
		Files.createDirectories(out);
		Files.writeString(out.resolve("bulletin.md"), md, StandardCharsets.UTF_8);
		Files.writeString(out.resolve("bulletin.json"), JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json),
				StandardCharsets.UTF_8);
		System.out.println(md);
		System.out.println("written: target/bench/bulletin.md, target/bench/bulletin.json");
	}

	private static String round1(Object seconds) {
		return seconds instanceof Double d ? "%.1f".formatted(d) : String.valueOf(seconds);
	}
}
