package org.baosong.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.baosong.bench.Workloads.Kind;

/**
 * The results of one run, as Markdown (target/bench/intake.md) and JSON (target/bench/intake.json): the run's
 * command, date, machine and load, then the targets of quality-bars.md with the measured ratio and whether
 * it is met, then every stage of every workload.
 */
final class Report {

	static final double DRAIN_VS_RAW = 0.8;

	static final double DRAIN_VS_FRAMEWORK = 3.0;

	static final double W4_RSS_FACTOR = 1.5;

	static final double CURSOR_RATIO = 1.2;

	private final Benchmark.Options options;

	private final Map<String, Object> json = new LinkedHashMap<>();

	private final List<Map<String, Object>> targets = new ArrayList<>();

	private final StringBuilder sections = new StringBuilder();

	private final List<String> notes = new ArrayList<>();

	private final List<Double> loads = new ArrayList<>();

	private final String started = Instant.now().toString();

	private final boolean embedded;

	Report(Benchmark.Options options, String mailbox) {
		this.options = options;
		this.embedded = mailbox.startsWith("GreenMail");
		json.put("date", started);
		json.put("mode", options.quick() ? "quick" : "full");
		json.put("seed", options.seed());
		json.put("machine", machine());
		json.put("mailboxServer", mailbox);
		json.put("databaseServer", databaseVersion());
		json.put("targets", targets);
		load();
	}

	private static String machine() {
		return "%d CPUs, %s %s %s, Java %s, %d GB memory".formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
				System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.version"),
				((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 30);
	}

	private static String databaseVersion() {
		try (var c = java.sql.DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/?sslMode=DISABLED&allowPublicKeyRetrieval=true",
				System.getenv().getOrDefault("BAOSONG_TEST_DB_USER", "root"), System.getenv().getOrDefault("BAOSONG_TEST_DB_PASSWORD", ""));
				var rs = c.createStatement().executeQuery("SELECT VERSION()")) {
			rs.next();
			return "MySQL-protocol server " + rs.getString(1);
		}
		catch (Exception ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	/** Records the system load average now (other processes share the CPUs). */
	void load() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		if (load >= 0) {
			loads.add(load);
		}
	}

	void note(String note) {
		notes.add(note);
	}

	void failed(String phase, Throwable ex) {
		notes.add("**" + phase + " failed**: " + ex);
		json.computeIfAbsent("failures", k -> new ArrayList<String>());
		@SuppressWarnings("unchecked")
		var failures = (List<String>) json.get("failures");
		failures.add(phase + ": " + ex);
	}

	void gatewayStarted(String name, GatewayProcess gateway) {
		load();
	}

	private final Map<String, List<String>> gatewayJvm = new LinkedHashMap<>();

	void startup(String name, double seconds, List<String> jvm) {
		json.put("gateway" + name.toUpperCase(Locale.ROOT) + "Startup", Map.of("seconds", round(seconds), "jvmOptions", jvm));
		gatewayJvm.put(name, jvm);
	}

	void gatewayEnded(String name, long hwm) {
		json.put("gateway" + name.toUpperCase(Locale.ROOT) + "PeakRssMb", hwm >> 20);
		load();
	}

	void warmUp(int n, Map<String, Integer> outcomes) {
		json.put("warmUp", Map.of("messages", n, "outcomes", outcomes));
		load();
	}

	private void target(String name, String measured, double value, double limit, boolean lowerIsBetter, String qualifier) {
		boolean met = lowerIsBetter ? value <= limit : value >= limit;
		var t = new LinkedHashMap<String, Object>();
		t.put("target", name);
		t.put("measured", measured);
		t.put("value", round(value));
		t.put("limit", limit);
		t.put("met", met);
		if (qualifier != null) {
			t.put("qualifier", qualifier);
		}
		targets.add(t);
	}

	void workload(Kind kind, int count, long bytes, List<Stage> raw, Stage framework, Benchmark.Drain drain, Map<String, Integer> outcomes,
			Map<String, String> hostile) {
		load();
		var w = new LinkedHashMap<String, Object>();
		w.put("messages", count);
		w.put("bytes", bytes);
		var stages = new ArrayList<Object>();
		raw.forEach(s -> stages.add(stage(s)));
		w.put("rawStages", stages);
		if (framework != null) {
			w.put("frameworkDefault", stage(framework));
		}
		w.put("drain", drainJson(drain));
		w.put("outcomes", outcomes);
		if (hostile != null) {
			w.put("hostileCases", hostile);
		}
		var md = new StringBuilder();
		md.append("\n## ").append(kind).append(" — ").append(describe(kind)).append("\n\n");
		md.append("%,d messages, %.1f MB in all (%.1f KB on average).%n%n".formatted(count, bytes / 1e6, bytes / 1e3 / Math.max(1, count)));
		md.append(tableHead());
		raw.forEach(s -> md.append(row(s)));
		if (framework != null) {
			md.append(row(framework));
		}
		md.append(row(drain.stage()));
		md.append(otherCpu(drain));
		md.append("\n");
		Stage slowest = raw.stream().min(java.util.Comparator.comparingDouble(Stage::perSecond)).orElseThrow();
		double rawCpu = raw.stream().mapToDouble(Stage::cpuPerMessage).sum();
		if (kind != Kind.W5) {
			double vsRaw = drain.stage().perSecond() / slowest.perSecond();
			md.append("- drain / slowest raw stage (%s): **%.2f** (target ≥ %.1f: %s)%n".formatted(slowest.name(), vsRaw, DRAIN_VS_RAW,
					vsRaw >= DRAIN_VS_RAW ? "met" : "NOT MET"));
			target(kind + " drain ≥ 0.8 × slowest raw stage", "%.2f (%.1f vs %s %.1f msgs/s)".formatted(vsRaw, drain.stage().perSecond(),
					slowest.name(), slowest.perSecond()), vsRaw, DRAIN_VS_RAW, false, null);
			w.put("drainVsSlowestRaw", round(vsRaw));
			if (framework != null) {
				double vsFramework = drain.stage().perSecond() / framework.perSecond();
				md.append("- drain / framework default: **%.2f** (target ≥ %.1f: %s)%n".formatted(vsFramework, DRAIN_VS_FRAMEWORK,
						vsFramework >= DRAIN_VS_FRAMEWORK ? "met" : "NOT MET"));
				target(kind + " drain ≥ 3 × framework default", "%.2f (%.1f vs %.1f msgs/s)".formatted(vsFramework, drain.stage().perSecond(),
						framework.perSecond()), vsFramework, DRAIN_VS_FRAMEWORK, false, null);
				w.put("drainVsFramework", round(vsFramework));
			}
		}
		md.append("- CPU per message: gateway and its parser processes %.4f s, the raw stages together %.4f s: ratio **%.1f**%n".formatted(
				drain.stage().cpuPerMessage(), rawCpu, drain.stage().cpuPerMessage() / rawCpu));
		w.put("cpuPerMessageRatio", round(drain.stage().cpuPerMessage() / rawCpu));
		md.append(memory(drain));
		md.append("- outcomes: ").append(outcomes).append("\n");
		if (hostile != null) {
			md.append("\n| hostile case | outcome | seconds after the previous outcome |\n|---|---|---:|\n");
			hostile.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.contains(" | ") ? v : v + " | ").append(" |\n"));
		}
		sections.append(md);
		json.put(kind.name(), w);
	}

	private static String describe(Kind kind) {
		return switch (kind) {
			case W1 -> "tiny: 5 KB text body, no attachment";
			case W2 -> "typical: ~80 KB multipart/alternative + one docx of 50–200 KB";
			case W3 -> "office mix: docx 40%, text PDF 40%, doc 15%, RTF 5%; 100 KB–5 MB";
			case W4 -> "large: one big attachment";
			case W5 -> "hostile: the extraction tests' hostile documents and hostile MIME";
		};
	}

	private static String tableHead() {
		return "| stage | messages | MB | seconds | msgs/s | MB/s | CPU s/msg | note |\n|---|---:|---:|---:|---:|---:|---:|---|\n";
	}

	private static String row(Stage s) {
		return "| %s | %,d | %.1f | %.2f | %.1f | %.1f | %.4f | %s |%n".formatted(s.name(), s.messages(), s.bytes() / 1e6, s.seconds(), s.perSecond(),
				s.megabytesPerSecond(), s.cpuPerMessage(), s.note() == null ? "" : s.note().replace("|", "\\|"));
	}

	private String otherCpu(Benchmark.Drain d) {
		int n = Math.max(1, d.stage().messages());
		return "| … database server's CPU during the drain | | | | | | %.4f | mariadbd, all of it |%n".formatted(d.databaseCpu() / n)
				+ "| … the harness JVM's CPU during the drain | | | | | | %.4f | %s |%n".formatted(d.harnessCpu() / n,
						embedded ? "the IMAP server (GreenMail), the outcome watcher, the sampling" : "the outcome watcher and the sampling (the IMAP server is another process)");
	}

	private static String memory(Benchmark.Drain d) {
		return "- peak RSS during the drain: gateway %d MB; parser processes %d MB (largest of %d seen)%n".formatted(d.gatewayPeakRss() >> 20,
				d.parserPeakRss() >> 20, d.parserProcesses());
	}

	private static Map<String, Object> stage(Stage s) {
		var m = new LinkedHashMap<String, Object>();
		m.put("name", s.name());
		m.put("messages", s.messages());
		m.put(s.unit(), s.items());
		m.put("bytes", s.bytes());
		m.put("seconds", round(s.seconds()));
		m.put("messagesPerSecond", round(s.perSecond()));
		m.put("megabytesPerSecond", round(s.megabytesPerSecond()));
		m.put("cpuSeconds", round(s.cpu()));
		m.put("cpuSecondsPerMessage", Math.round(s.cpuPerMessage() * 1e6) / 1e6);
		if (s.note() != null && !s.note().isEmpty()) {
			m.put("note", s.note());
		}
		return m;
	}

	private static Map<String, Object> drainJson(Benchmark.Drain d) {
		var m = stage(d.stage());
		m.put("complete", d.complete());
		m.put("gatewayPeakRssMb", d.gatewayPeakRss() >> 20);
		m.put("parserPeakRssMb", d.parserPeakRss() >> 20);
		m.put("parserProcesses", d.parserProcesses());
		m.put("databaseServerCpuSeconds", round(d.databaseCpu()));
		m.put("harnessCpuSeconds", round(d.harnessCpu()));
		return m;
	}

	void cursor(int oldMessages, Map<String, List<Double>> received, Map<String, List<Double>> filed, double serverEmpty, double serverFull) {
		load();
		double emptyFiled = percentile(filed.get("cursor-empty"), 50);
		double fullFiled = percentile(filed.get("cursor-full"), 50);
		double emptyReceived = percentile(received.get("cursor-empty"), 50);
		double fullReceived = percentile(received.get("cursor-full"), 50);
		double ratio = fullFiled / emptyFiled;
		var md = new StringBuilder("\n## Cursor: a new message in a mailbox of %,d already-processed messages%n%n".formatted(oldMessages));
		md.append("The mailbox holds %,d messages with their inbound_mail rows and the cursor past them; the other is empty. One new W1 message at a time, "
				.formatted(oldMessages)).append("alternately, %d each; milliseconds from its APPEND to its receipt (stage 1) and to its outcome.\n\n"
					.formatted(filed.get("cursor-empty").size()));
		md.append("| mailbox | receipt p50 ms | outcome p50 ms | outcome max ms |\n|---|---:|---:|---:|\n");
		md.append("| empty | %.0f | %.0f | %.0f |%n".formatted(emptyReceived, emptyFiled, max(filed.get("cursor-empty"))));
		md.append("| %,d processed | %.0f | %.0f | %.0f |%n".formatted(oldMessages, fullReceived, fullFiled, max(filed.get("cursor-full"))));
		md.append("\n- ratio full / empty, outcome p50: **%.2f** (target ≤ %.1f: %s); receipt p50: %.2f%n".formatted(ratio, CURSOR_RATIO,
				ratio <= CURSOR_RATIO ? "met" : "NOT MET", fullReceived / emptyReceived));
		md.append("- the server's own time for one `UID FETCH * (BODY.PEEK[])` in each mailbox (same-run baseline): empty %.1f ms, full %.1f ms "
				.formatted(serverEmpty, serverFull)).append("(ratio %.1f); the gateway sends three commands in the folder before a new message's receipt commits (UID FETCH of the new UIDs, "
				.formatted(serverFull / serverEmpty)).append("FETCH of size and dates, the body) and two after (the STORE of its mark, the next UID FETCH)\n");
		target("cursor: new message in %,d-message mailbox ≤ 1.2 × empty".formatted(oldMessages), "%.2f (%.0f vs %.0f ms); the server's own FETCH there: %.1f × slower"
			.formatted(ratio, fullFiled, emptyFiled, serverFull / serverEmpty), ratio, CURSOR_RATIO, true,
				options.cursorMessages() < 100_000 ? "fewer than the spec's 100k messages" : null);
		sections.append(md);
		json.put("cursor", Map.of("oldMessages", oldMessages, "receiptMs", received, "outcomeMs", filed, "ratioOutcomeP50", round(ratio),
				"ratioReceiptP50", round(fullReceived / emptyReceived), "serverFetchNewestMs", Map.of("empty", round(serverEmpty), "full", round(serverFull))));
	}

	void notificationDelay(List<Double> delays) {
		json.put("idleNotificationMs", delays);
	}

	void latency(double share, double rate, int messages, double sendSeconds, List<Double> latencies, boolean complete, long peakRss,
			double notificationMs) {
		load();
		if (!sections.toString().contains("## Latency")) {
			sections.append("\n## Latency: open-loop arrivals (Poisson) of W2 messages, IMAP IDLE on\n\n")
				.append("Arrival: the moment its APPEND starts; filed: the moment the harness first sees its outcome in inbound_mail (polled every ")
				.append("10 ms). The rate is a share of the W2 drain rate measured above (or --latency-peak).\n\n")
				.append("| load | rate msgs/s | messages | p50 ms | p95 ms | p99 ms | max ms | gateway peak RSS MB |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
		}
		sections.append("| %.0f%% of peak | %.2f | %d | %.0f | %.0f | %.0f | %.0f | %d |%n".formatted(share * 100, rate, messages, percentile(latencies, 50),
				percentile(latencies, 95), percentile(latencies, 99), max(latencies), peakRss >> 20));
		if (!complete || latencies.size() < messages) {
			sections.append("\n(only %d of %d messages had an outcome in time)%n%n".formatted(latencies.size(), messages));
		}
		if (share == 0.5) {
			double limit = notificationMs + 1000;
			target("p99 arrival-to-filed at 50% of peak ≤ notification delay + 1 s", "%.0f ms (limit %.0f ms: notification delay %.0f ms + 1 s)"
				.formatted(percentile(latencies, 99), limit, notificationMs), percentile(latencies, 99), limit, true,
					options.latencySeconds() < 60 ? "quick mode: %d arrivals only".formatted(messages) : null);
		}
		@SuppressWarnings("unchecked")
		var list = (List<Object>) json.computeIfAbsent("latency", k -> new ArrayList<Object>());
		var m = new LinkedHashMap<String, Object>();
		m.put("shareOfPeak", share);
		m.put("rate", round(rate));
		m.put("messages", messages);
		m.put("sendSeconds", round(sendSeconds));
		m.put("complete", complete);
		m.put("p50", round(percentile(latencies, 50)));
		m.put("p95", round(percentile(latencies, 95)));
		m.put("p99", round(percentile(latencies, 99)));
		m.put("max", round(max(latencies)));
		m.put("gatewayPeakRssMb", peakRss >> 20);
		list.add(m);
	}

	void w4(int megabytes, long messageBytes, List<Stage> raw, Benchmark.Drain drain, long idleRss, Map<String, Integer> outcomes, List<String> jvm,
			boolean fresh) {
		load();
		long allowed = idleRss + (long) (W4_RSS_FACTOR * messageBytes);
		var md = new StringBuilder("\n## W4 — large: one message with a %d MB docx attachment, gateway %s%n%n".formatted(megabytes, String.join(" ", jvm)));
		md.append("Message %.1f MB (base64). %s%n%n".formatted(messageBytes / 1e6, fresh
				? "The gateway runs alone for this (a start of its own), warmed by 5 W1 messages; idle RSS is measured then."
				: "Quick mode: the same gateway as everything above (it ran with -Xmx256m throughout); idle RSS is measured after the latency runs, before this message."));
		md.append(tableHead());
		raw.forEach(s -> md.append(row(s)));
		md.append(row(drain.stage()));
		md.append(otherCpu(drain)).append("\n");
		md.append("- gateway RSS: idle %d MB, peak %d MB; allowed idle + 1.5 × message = %d MB: %s%n".formatted(idleRss >> 20, drain.gatewayPeakRss() >> 20,
				allowed >> 20, drain.gatewayPeakRss() <= allowed ? "met" : "NOT MET"));
		md.append("- parser process peak RSS: %d MB%n".formatted(drain.parserPeakRss() >> 20));
		md.append("- outcomes of the mailbox: ").append(outcomes).append("\n");
		sections.append(md);
		double growth = (drain.gatewayPeakRss() - idleRss) / (double) messageBytes;
		target("W4 (-Xmx256m) peak RSS ≤ idle + 1.5 × message size", "idle %d MB, peak %d MB: growth %.2f × the message".formatted(idleRss >> 20,
				drain.gatewayPeakRss() >> 20, growth), growth, W4_RSS_FACTOR, true, megabytes < 50 ? "quick mode: %d MB instead of 50 MB".formatted(megabytes) : null);
		var w = new LinkedHashMap<String, Object>();
		w.put("attachmentMegabytes", megabytes);
		w.put("messageBytes", messageBytes);
		var stages = new ArrayList<Object>();
		raw.forEach(s -> stages.add(stage(s)));
		w.put("rawStages", stages);
		w.put("drain", drainJson(drain));
		w.put("idleRssMb", idleRss >> 20);
		w.put("rssGrowthPerMessageByte", round(growth));
		w.put("outcomes", outcomes);
		json.put("W4", w);
	}

	void finish(double seconds) {
		load();
		json.put("runSeconds", round(seconds));
		json.put("loadAverage", Map.of("min", round(loads.stream().mapToDouble(d -> d).min().orElse(-1)), "max",
				round(loads.stream().mapToDouble(d -> d).max().orElse(-1)), "samples", loads.stream().map(Report::round).toList()));
		json.put("notes", notes);
	}

	void write(Path out) throws IOException {
		var md = new StringBuilder("# Intake benchmark\n\n");
		md.append("- command: `scripts/bench").append(options.quick() ? " --quick" : "").append("` (mode ").append(json.get("mode")).append(", seed ")
			.append(options.seed()).append(")\n");
		md.append("- date: ").append(started).append("; run time ").append(json.get("runSeconds")).append(" s\n");
		md.append("- machine: ").append(json.get("machine")).append("\n");
		md.append("- system load average during the run: ").append(((Map<?, ?>) json.get("loadAverage")).get("min")).append(" – ")
			.append(((Map<?, ?>) json.get("loadAverage")).get("max"))
			.append(" (other processes share the CPUs; every ratio is measured in the same run, under the same load)\n");
		md.append("- mailbox: ").append(json.get("mailboxServer")).append("; database: ").append(json.get("databaseServer")).append("\n");
		md.append("- gateway: the application's main class in a JVM of its own (");
		md.append(String.join("; ", gatewayJvm.entrySet().stream().map(e -> (gatewayJvm.size() > 1 ? e.getKey() + ": " : "") + String.join(" ", e.getValue())).toList()));
		md.append("), shipped config/application.yml, demo registry, ").append(embedded ? "receipts sent to GreenMail's SMTP" : "replies off (no SMTP server)")
			.append("; CPU from /proc (the gateway and its parser processes)\n");
		md.append("\n## Targets (quality-bars.md)\n\n| target | measured | met |\n|---|---|---|\n");
		for (var t : targets) {
			md.append("| ").append(t.get("target")).append(" | ").append(t.get("measured"))
				.append(t.containsKey("qualifier") ? " — " + t.get("qualifier") : "").append(" | ").append((Boolean) t.get("met") ? "yes" : "**no**")
				.append(" |\n");
		}
		md.append(sections);
		if (!notes.isEmpty()) {
			md.append("\n## Notes\n\n");
			notes.forEach(n -> md.append("- ").append(n).append("\n"));
		}
		Files.createDirectories(out);
		Files.writeString(out.resolve("intake.md"), md, StandardCharsets.UTF_8);
		Files.writeString(out.resolve("intake.json"), JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json),
				StandardCharsets.UTF_8);
		System.out.println(md);
		System.out.println("written: " + out.resolve("intake.md") + ", " + out.resolve("intake.json"));
	}

	static double percentile(List<Double> values, double p) {
		if (values == null || values.isEmpty()) {
			return Double.NaN;
		}
		double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return v[(int) Math.max(0, Math.ceil(p / 100 * v.length) - 1)];
	}

	static double max(List<Double> values) {
		return values == null || values.isEmpty() ? Double.NaN : values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

	static double round(double v) {
		return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : -1;
	}
}
