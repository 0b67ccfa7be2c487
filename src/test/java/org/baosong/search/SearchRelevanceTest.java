package org.baosong.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The measurement behind ADR 0010: SmartChinese words against character bigrams and their combination,
 * on handwritten reports (relevance/corpus.tsv) and {@value #MIN_QUERIES}+ Chinese queries judged by
 * meaning (relevance/queries.tsv). Every configuration is scored on every query: recall (relevant
 * documents found / relevant documents), precision (relevant found / found; 0 when nothing is found),
 * both averaged over the queries, and mean average precision for the ranking. The table is printed and
 * written to target/search-relevance.md; the configuration the application uses is then run through the
 * application's own document builder and query parser, and must keep its recall and precision.
 * <p>
 * Reproduce: {@code mvn -q -B test -Dtest=SearchRelevanceTest}.
 */
class SearchRelevanceTest {

	static final int MIN_QUERIES = 40;

	static final double RECALL_FLOOR = 0.95;

	static final double PRECISION_FLOOR = 0.93;

	static final Path DIR = Path.of("src/test/resources/org/baosong/search/relevance");

	record Judged(String query, Set<String> relevant, String kind) {
	}

	record Scores(String name, double recall, double precision, double map, int found, int missed, int wrong,
			List<String> misses, List<String> falsePositives) {
	}

	static Map<String, String[]> corpus;

	static List<Judged> queries;

	@BeforeAll
	static void load() throws IOException {
		corpus = new LinkedHashMap<>();
		for (String line : lines("corpus.tsv")) {
			String[] f = line.split("\t");
			corpus.put(f[0], new String[] { f[1], f[2] });
		}
		queries = new ArrayList<>();
		for (String line : lines("queries.tsv")) {
			String[] f = line.split("\t");
			queries.add(new Judged(f[0], Set.of(f[1].split(",")), f[2]));
		}
	}

	@Test
	void theCombinationFindsWhatEitherAnalysisAloneMisses() throws IOException {
		assertThat(queries).hasSizeGreaterThanOrEqualTo(MIN_QUERIES);
		assertThat(queries.stream().flatMap(q -> q.relevant().stream())).allMatch(corpus::containsKey);

		var rows = new ArrayList<Scores>();
		try (var candidates = candidateIndex()) {
			var searcher = new IndexSearcher(candidates);
			rows.add(score("SmartChinese words, all required", searcher, q -> perPart(q, (f, p) -> words(f, p, false))));
			rows.add(score("SmartChinese words, as a phrase", searcher, q -> perPart(q, (f, p) -> words(f, p, true))));
			rows.add(score("bigrams, as a phrase", searcher, q -> perPart(q, (f, p) -> bigrams(f, p, true))));
			rows.add(score("bigrams, all but one of 4+", searcher, q -> perPart(q, (f, p) -> bigrams(f, p, false))));
			rows.add(score("combined: bigram phrase, or words", searcher,
					q -> perPart(q, (f, p) -> either(bigrams(f, p, true), words(f, p, false)))));
			rows.add(score("combined: bigrams all but one, or words", searcher,
					q -> perPart(q, (f, p) -> either(bigrams(f, p, false), words(f, p, false)))));
			rows.add(score("combined: bigrams all but one, or 2+ words of 2+ characters", searcher,
					q -> perPart(q, (f, p) -> either(bigrams(f, p, false), longWords(f, p)))));
		}
		Scores production;
		try (var reader = productionIndex()) {
			production = score("application (SubmissionDocuments + SearchQueries)", new IndexSearcher(reader),
					q -> SearchQueries.query(SearchCriteria.text(q), ZoneId.of("Asia/Shanghai")));
		}
		rows.add(production);
		report(rows, production);

		Scores chosen = rows.get(6);
		assertThat(production.recall()).as("the application runs the chosen configuration").isEqualTo(chosen.recall());
		assertThat(production.precision()).isEqualTo(chosen.precision());
		assertThat(production.recall()).as("recall").isGreaterThanOrEqualTo(RECALL_FLOOR);
		assertThat(production.precision()).as("precision").isGreaterThanOrEqualTo(PRECISION_FLOOR);
	}

	// ---- the candidates, on an index with both analyses and positions for both ----

	private interface PartQuery {
		Query of(String field, String part);
	}

	private static Query perPart(String text, PartQuery partQuery) {
		var all = new BooleanQuery.Builder();
		for (var part : text.trim().split("\\s+")) {
			var any = new BooleanQuery.Builder();
			for (String field : List.of("title", "text")) {
				Query q = partQuery.of(field, part);
				if (q != null) {
					any.add(q, Occur.SHOULD);
				}
			}
			all.add(any.build(), Occur.MUST);
		}
		return all.build();
	}

	private static Query words(String field, String part, boolean phrase) {
		var tokens = SearchQueries.tokens(ChineseAnalysis.words(), part);
		return tokens.isEmpty() ? null
				: phrase ? SearchQueries.phrase(field + "_w", tokens) : SearchQueries.allTerms(field + "_w", tokens);
	}

	private static Query longWords(String field, String part) {
		var tokens = SearchQueries.words(part);
		return tokens.isEmpty() ? null : SearchQueries.allTerms(field + "_w", tokens);
	}

	private static Query bigrams(String field, String part, boolean phrase) {
		var tokens = SearchQueries.tokens(ChineseAnalysis.bigrams(), part);
		return tokens.isEmpty() ? null
				: phrase ? SearchQueries.phrase(field + "_b", tokens) : SearchQueries.mostBigrams(field + "_b", tokens);
	}

	private static Query either(Query a, Query b) {
		if (b == null) {
			return a;
		}
		return new BooleanQuery.Builder().add(a, Occur.SHOULD).add(b, Occur.SHOULD).build();
	}

	private static DirectoryReader candidateIndex() throws IOException {
		Map<String, Analyzer> analyzers = Map.of("title_w", ChineseAnalysis.words(), "text_w", ChineseAnalysis.words(),
				"title_b", ChineseAnalysis.bigrams(), "text_b", ChineseAnalysis.bigrams());
		var dir = new ByteBuffersDirectory();
		try (var writer = new IndexWriter(dir, new IndexWriterConfig(new PerFieldAnalyzerWrapper(ChineseAnalysis.bigrams(), analyzers)))) {
			for (var doc : corpus.entrySet()) {
				var d = new Document();
				d.add(new StringField("id", doc.getKey(), Field.Store.YES));
				for (String suffix : List.of("_w", "_b")) {
					d.add(new TextField("title" + suffix, doc.getValue()[0], Field.Store.NO));
					d.add(new TextField("text" + suffix, doc.getValue()[1], Field.Store.NO));
				}
				writer.addDocument(d);
			}
		}
		return DirectoryReader.open(dir);
	}

	/** The corpus as the application indexes submissions: d07 is submission 7. */
	private static DirectoryReader productionIndex() throws IOException {
		var dir = new ByteBuffersDirectory();
		var documents = new SubmissionDocuments(300_000);
		var config = new IndexWriterConfig(ChineseAnalysis.perField(SubmissionDocuments.TEXT_FIELDS.toArray(String[]::new)));
		try (var writer = new IndexWriter(dir, config)) {
			for (var doc : corpus.entrySet()) {
				long id = Long.parseLong(doc.getKey().substring(1));
				writer.addDocument(documents.build(new IndexedSubmission(id, "GZ-2026-%06d".formatted(id), doc.getValue()[0],
						doc.getValue()[1], null, 1, "越秀区政府", "district", "动态", "RECEIVED", List.of(), Instant.parse("2026-11-20T02:00:00Z"))));
			}
		}
		return DirectoryReader.open(dir);
	}

	// ---- scoring ----

	private static Scores score(String name, IndexSearcher searcher, Function<String, Query> parser) {
		double recall = 0;
		double precision = 0;
		double averagePrecision = 0;
		int found = 0;
		int missed = 0;
		int wrong = 0;
		var misses = new ArrayList<String>();
		var falsePositives = new ArrayList<String>();
		for (Judged q : queries) {
			List<String> ranked = search(searcher, parser.apply(q.query()));
			int hits = 0;
			double ap = 0;
			for (int i = 0; i < ranked.size(); i++) {
				if (q.relevant().contains(ranked.get(i))) {
					hits++;
					ap += (double) hits / (i + 1);
				}
				else {
					falsePositives.add(q.query() + "→" + ranked.get(i));
				}
			}
			q.relevant().stream().filter(r -> !ranked.contains(r)).sorted().forEach(r -> misses.add(q.query() + "→" + r));
			recall += (double) hits / q.relevant().size();
			precision += ranked.isEmpty() ? 0 : (double) hits / ranked.size();
			averagePrecision += ap / q.relevant().size();
			found += hits;
			missed += q.relevant().size() - hits;
			wrong += ranked.size() - hits;
		}
		int n = queries.size();
		return new Scores(name, recall / n, precision / n, averagePrecision / n, found, missed, wrong, misses, falsePositives);
	}

	private static List<String> search(IndexSearcher searcher, Query query) {
		try {
			var ids = new ArrayList<String>();
			var stored = searcher.storedFields();
			for (var hit : searcher.search(query, 1000).scoreDocs) {
				String id = stored.document(hit.doc).get("id");
				ids.add(id.startsWith("d") ? id : "d%02d".formatted(Long.parseLong(id)));
			}
			return ids;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void report(List<Scores> rows, Scores production) throws IOException {
		var md = new StringBuilder();
		md.append("Search relevance: ").append(queries.size()).append(" queries, ").append(corpus.size()).append(" reports, ")
			.append(queries.stream().mapToInt(q -> q.relevant().size()).sum()).append(" relevant pairs\n\n");
		md.append("| configuration | recall | precision | MAP | relevant found | missed | wrongly found |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|\n");
		for (Scores s : rows) {
			md.append("| %s | %.3f | %.3f | %.3f | %d | %d | %d |%n".formatted(s.name(), s.recall(), s.precision(), s.map(), s.found(),
					s.missed(), s.wrong()));
		}
		for (Scores s : rows) {
			md.append("\n").append(s.name()).append("\n  missed: ").append(s.misses()).append("\n  wrongly found: ")
				.append(s.falsePositives()).append("\n");
		}
		System.out.println(md);
		Path out = Path.of("target/search-relevance.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, md, StandardCharsets.UTF_8);
	}

	private static List<String> lines(String file) throws IOException {
		return Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8).stream()
			.filter(l -> !l.isBlank() && !l.startsWith("#"))
			.toList();
	}

}
