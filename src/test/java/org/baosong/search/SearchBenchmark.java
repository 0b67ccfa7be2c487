package org.baosong.search;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;

import org.baosong.common.BaosongProperties;
import org.baosong.search.SearchCriteria.Order;

/**
 * The search benchmark (not a test; docs/PERFORMANCE.md, ADR 0010): generates N synthetic Chinese
 * submissions ({@link SyntheticReports}, deterministic) straight into a Lucene index with the
 * application's document builder and analyzers, then times a fixed mix of searches through
 * {@link SubmissionSearch#search} (query parsing, filters, exact total, top 20, highlighting) after a
 * warm-up, and, as a same-run baseline, a plain TermQuery for one bigram (top 20, no highlighting) on
 * the same index. Target: p95 under 200 ms at 200,000 submissions.
 * <p>
 * {@code scripts/bench-search [--quick] [--docs N] [--rounds R] [--reuse]}; writes target/bench/search.{md,json}.
 */
public final class SearchBenchmark {

	static final long SEED = 20261122L;

	static final double TARGET_P95_MS = 200;

	record Probe(String name, SearchCriteria criteria) {
	}

	/** The fixed mix: common and rare terms, places, names, several parts, phrases, numbers, filters, orders, no match. */
	static List<Probe> mix() {
		var may = LocalDate.parse("2026-05-01");
		return List.of(
				probe("营商环境", "营商环境"),
				probe("乡村振兴", "乡村振兴"),
				probe("老旧小区改造", "老旧小区改造"),
				probe("越秀区 (place)", "越秀区"),
				probe("天河区 数字经济", "天河区 数字经济"),
				probe("name 王明", "王明"),
				probe("name 欧阳志远", "欧阳志远"),
				probe("\"一网通办\" exact", "\"一网通办\""),
				probe("河长制", "河长制"),
				probe("12345热线", "12345热线"),
				probe("long: 推进老旧小区改造加装电梯惠及居民", "推进老旧小区改造加装电梯惠及居民"),
				probe("tracking number", "GZ-2026-012345"),
				probe("no match 量子计算机", "量子计算机"),
				new Probe("安全生产 + unit", new SearchCriteria("安全生产", 4L, null, null, null, null, null, null, Order.RELEVANCE, 0, 20)),
				new Probe("垃圾分类 + May, newest", new SearchCriteria("垃圾分类", null, null, null, null, null, may, may.plusMonths(1).minusDays(1),
						Order.NEWEST, 0, 20)),
				new Probe("专项债 + ADOPTED + 调研", new SearchCriteria("专项债", null, null, "调研", "ADOPTED", null, null, null, Order.RELEVANCE, 0, 20)),
				new Probe("人工智能, page 5", new SearchCriteria("人工智能", null, null, null, null, null, null, null, Order.RELEVANCE, 4, 20)),
				new Probe("no text: district + URGENT", new SearchCriteria(null, null, "district", null, null, "URGENT", null, null, Order.NEWEST, 0, 20)));
	}

	private static Probe probe(String name, String text) {
		return new Probe(name, SearchCriteria.text(text));
	}

	public static void main(String[] args) throws Exception {
		var options = List.of(args);
		int docs = options.contains("--quick") ? 20_000 : intOption(options, "--docs", 200_000);
		int rounds = intOption(options, "--rounds", options.contains("--quick") ? 60 : 120);
		boolean reuse = options.contains("--reuse");
		Path out = Path.of("target/bench");
		Path dir = out.resolve("index-" + docs);
		var properties = new SearchProperties(dir, 500, 300_000, Duration.ZERO);

		double buildSeconds = -1;
		if (!reuse || !Files.exists(dir)) {
			deleteRecursively(dir);
			buildSeconds = build(dir, docs, properties);
		}
		try (var index = SearchIndex.open(dir, new SubmissionDocuments(properties.maxTextChars()))) {
			if (index.documentCount() != docs) {
				throw new IllegalStateException("the index in " + dir + " holds " + index.documentCount() + " documents, not " + docs);
			}
			var search = new SubmissionSearch(index, null, null, new BaosongProperties(dir, ZoneId.of("Asia/Shanghai"), null), properties);
			var probes = mix();
			var baseline = new TermQuery(new Term(SubmissionDocuments.TEXT, "营商"));
			var hits = new LinkedHashMap<String, String>();
			System.out.printf("warm-up: %d rounds of %d searches%n", Math.max(10, rounds / 4), probes.size());
			for (int i = 0; i < Math.max(10, rounds / 4); i++) {
				for (Probe p : probes) {
					var results = search.search(p.criteria());
					hits.put(p.name(), "%,d%s".formatted(results.total(), results.atLeast() ? "+" : ""));
				}
				termQuery(index, baseline);
			}
			var perProbe = new LinkedHashMap<String, List<Double>>();
			var all = new ArrayList<Double>();
			var cpu = new ArrayList<Double>();
			var term = new ArrayList<Double>();
			var threads = ManagementFactory.getThreadMXBean();
			double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
			for (int i = 0; i < rounds; i++) {
				for (Probe p : probes) {
					long cpuStart = threads.getCurrentThreadCpuTime();
					long start = System.nanoTime();
					search.search(p.criteria());
					double ms = (System.nanoTime() - start) / 1e6;
					cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
					all.add(ms);
					perProbe.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(ms);
				}
				for (int j = 0; j < probes.size(); j++) { // as many baseline queries as searches, interleaved
					long start = System.nanoTime();
					termQuery(index, baseline);
					term.add((System.nanoTime() - start) / 1e6);
				}
			}
			long size = sizeOf(dir);
			double load = Math.max(loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			report(out, docs, rounds, buildSeconds, size, load, all, cpu, term, perProbe, hits);
		}
	}

	private static double build(Path dir, int docs, SearchProperties properties) throws Exception {
		long start = System.nanoTime();
		int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		try (var index = SearchIndex.open(dir, new SubmissionDocuments(properties.maxTextChars()))) {
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			var work = new ArrayList<Future<?>>();
			int batch = 1000;
			for (int from = 1; from <= docs; from += batch) {
				int first = from;
				int last = Math.min(docs, from + batch - 1);
				work.add(pool.submit(() -> {
					var list = new ArrayList<IndexedSubmission>(last - first + 1);
					for (long id = first; id <= last; id++) {
						list.add(SyntheticReports.report(SEED, id, docs));
					}
					index.add(list);
					return null;
				}));
			}
			int done = 0;
			for (Future<?> f : work) {
				f.get();
				if (++done % 20 == 0) {
					System.out.printf("indexed %,d of %,d%n", Math.min(docs, done * batch), docs);
				}
			}
			pool.shutdown();
			index.commit(Instant.now());
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("indexed %,d submissions in %.1f s (%d threads)%n", docs, seconds, threads);
		return seconds;
	}

	private static void termQuery(SearchIndex index, TermQuery query) {
		index.withSearcher(searcher -> {
			try {
				return searcher.search(query, 20).totalHits;
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
	}

	record Stats(double p50, double p95, double p99, double max, double mean) {

		static Stats of(List<Double> values) {
			double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			return new Stats(rank(v, 50), rank(v, 95), rank(v, 99), v[v.length - 1], Arrays.stream(v).average().orElse(0));
		}

		/** Nearest-rank percentile. */
		private static double rank(double[] sorted, double p) {
			return sorted[(int) Math.max(0, Math.ceil(p / 100 * sorted.length) - 1)];
		}
	}

	private static void report(Path out, int docs, int rounds, double buildSeconds, long size, double load, List<Double> all, List<Double> cpu,
			List<Double> term, Map<String, List<Double>> perProbe, Map<String, String> hits) throws IOException {
		Stats s = Stats.of(all);
		Stats c = Stats.of(cpu);
		Stats b = Stats.of(term);
		var runtime = ManagementFactory.getRuntimeMXBean();
		String machine = "%d CPUs, %s %s, Java %s, heap max %d MB".formatted(Runtime.getRuntime().availableProcessors(),
				System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() >> 20);
		var md = new StringBuilder();
		md.append("# Search benchmark\n\n");
		md.append("- date: ").append(Instant.now()).append("\n- machine: ").append(machine).append("\n- JVM arguments: ")
			.append(runtime.getInputArguments()).append("\n");
		md.append("- submissions: %,d (seed %d), %,d characters of title, text and attachment text each on average; index %s on disk%s%n"
			.formatted(docs, SEED, averageChars(docs), human(size),
				buildSeconds < 0 ? " (reused)" : ", built in %.0f s".formatted(buildSeconds)));
		md.append("- searches timed: %,d (%d rounds of %d), after a warm-up; one search at a time%n".formatted(all.size(), rounds,
				perProbe.size()));
		md.append("- system load average during the run: %.1f (other processes share the CPUs: wall-clock times include waiting for them)%n"
			.formatted(load));
		md.append("\n| | p50 ms | p95 ms | p99 ms | max ms | mean ms |\n|---|---:|---:|---:|---:|---:|\n");
		md.append(row("search (SubmissionSearch.search, top 20 + total + highlights)", s));
		md.append(row("the same searches, CPU time of the searching thread", c));
		md.append(row("baseline: TermQuery text:营商, top 20", b));
		md.append("\np95 ratio search / baseline: %.1f. Target p95 < %.0f ms: %s.%n".formatted(s.p95() / b.p95(), TARGET_P95_MS,
				s.p95() < TARGET_P95_MS ? "met" : "NOT MET"));
		md.append("\nWall-clock time per query of the mix:\n\n| query | matches | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n");
		perProbe.forEach((name, values) -> {
			Stats p = Stats.of(values);
			md.append("| %s | %s | %.1f | %.1f | %.1f |%n".formatted(name.replace("|", "\\|"), hits.get(name), p.p50(), p.p95(), p.max()));
		});
		System.out.println(md);

		var json = new StringBuilder("{\n");
		json.append("  \"date\": \"").append(Instant.now()).append("\",\n");
		json.append("  \"machine\": \"").append(machine.replace("\"", "'")).append("\",\n");
		json.append("  \"submissions\": ").append(docs).append(",\n  \"seed\": ").append(SEED).append(",\n");
		json.append("  \"indexBytes\": ").append(size).append(",\n  \"buildSeconds\": ").append(fmt(buildSeconds)).append(",\n");
		json.append("  \"searches\": ").append(all.size()).append(",\n");
		json.append("  \"loadAverage\": ").append(fmt(load)).append(",\n");
		json.append("  \"search\": ").append(stats(s)).append(",\n");
		json.append("  \"searchCpu\": ").append(stats(c)).append(",\n");
		json.append("  \"baselineTermQuery\": ").append(stats(b)).append(",\n");
		json.append("  \"p95Ratio\": ").append(fmt(s.p95() / b.p95())).append(",\n");
		json.append("  \"targetP95Ms\": ").append(fmt(TARGET_P95_MS)).append(",\n  \"met\": ").append(s.p95() < TARGET_P95_MS).append(",\n");
		json.append("  \"queries\": [\n");
		var names = new ArrayList<>(perProbe.keySet());
		for (int i = 0; i < names.size(); i++) {
			Stats p = Stats.of(perProbe.get(names.get(i)));
			json.append("    {\"name\": \"").append(names.get(i).replace("\"", "\\\"")).append("\", \"matches\": \"").append(hits.get(names.get(i))).append("\"")
				.append(", \"stats\": ").append(stats(p)).append(i + 1 < names.size() ? "},\n" : "}\n");
		}
		json.append("  ]\n}\n");
		Files.createDirectories(out);
		Files.writeString(out.resolve("search.md"), md, StandardCharsets.UTF_8);
		Files.writeString(out.resolve("search.json"), json, StandardCharsets.UTF_8);
		System.out.println("written: " + out.resolve("search.md") + ", " + out.resolve("search.json"));
	}

	/** Over a sample of the generated submissions (deterministic, so the same as those indexed). */
	private static long averageChars(int docs) {
		long chars = 0;
		int sample = Math.min(docs, 2000);
		for (int i = 0; i < sample; i++) {
			var s = SyntheticReports.report(SEED, 1 + (long) i * docs / sample, docs);
			chars += s.title().length() + s.text().length() + (s.attachmentText() == null ? 0 : s.attachmentText().length());
		}
		return chars / sample;
	}

	private static String row(String name, Stats s) {
		return "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n".formatted(name, s.p50(), s.p95(), s.p99(), s.max(), s.mean());
	}

	private static String stats(Stats s) {
		return "{\"p50\": %s, \"p95\": %s, \"p99\": %s, \"max\": %s, \"mean\": %s}".formatted(fmt(s.p50()), fmt(s.p95()), fmt(s.p99()),
				fmt(s.max()), fmt(s.mean()));
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	private static String human(long bytes) {
		return bytes > 1 << 30 ? "%.2f GB".formatted(bytes / (double) (1 << 30)) : "%.0f MB".formatted(bytes / (double) (1 << 20));
	}

	private static int intOption(List<String> options, String name, int fallback) {
		int at = options.indexOf(name);
		return at >= 0 && at + 1 < options.size() ? Integer.parseInt(options.get(at + 1)) : fallback;
	}

	private static long sizeOf(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	private SearchBenchmark() {
	}
}
