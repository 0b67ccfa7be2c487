package org.baosong.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a person typed into Lucene queries (ADR 0010). The text is split into parts at spaces;
 * every part is required; a "quoted" part (also “…” or 「…」) must appear exactly. A part matches a
 * text field when its bigrams are there (all of them, or all but one from four bigrams on, so that
 * 老旧小区的改造 answers 老旧小区改造) or when all its SmartChinese words are (改造老旧小区); a
 * part that looks like a tracking number also matches that number exactly.
 */
final class SearchQueries {

	private static final Pattern PARTS = Pattern.compile("\"([^\"]+)\"|“([^”]+)”|「([^」]+)」|([^\\s\"“”「」]+)");

	private static final Pattern TRACKING_NO = Pattern.compile("[A-Za-z]{1,6}-\\d{4}-\\d{1,6}");

	private static final float TITLE_BOOST = 3f;

	private static final float TRACKING_BOOST = 10f;

	private SearchQueries() {
	}

	record Part(String text, boolean exact) {

		boolean trackingNo() {
			return TRACKING_NO.matcher(text).matches();
		}
	}

	record Token(String term, int position) {
	}

	/** The query with its filters; without text every submission passing the filters matches. */
	static Query query(SearchCriteria criteria, ZoneId zone) {
		var query = new BooleanQuery.Builder();
		Query text = criteria.hasText() ? text(criteria.text()) : null;
		query.add(text != null ? text : new MatchAllDocsQuery(), Occur.MUST);
		filter(query, SubmissionDocuments.UNIT, criteria.unitId() == null ? null : criteria.unitId().toString());
		filter(query, SubmissionDocuments.SEQUENCE, criteria.sequence());
		filter(query, SubmissionDocuments.TYPE, criteria.type());
		filter(query, SubmissionDocuments.STATE, criteria.state());
		filter(query, SubmissionDocuments.FLAG, criteria.flag());
		if (criteria.from() != null || criteria.to() != null) {
			long from = criteria.from() == null ? Long.MIN_VALUE : criteria.from().atStartOfDay(zone).toInstant().toEpochMilli();
			long to = criteria.to() == null ? Long.MAX_VALUE : criteria.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
			query.add(LongPoint.newRangeQuery(SubmissionDocuments.RECEIVED, from, to), Occur.FILTER);
		}
		return query.build();
	}

	/** The text part alone; null when nothing searchable was typed (only punctuation, say). */
	static Query text(String text) {
		var all = new BooleanQuery.Builder();
		int parts = 0;
		for (Part part : parts(text)) {
			Query q = part(part);
			if (q != null) {
				all.add(q, Occur.MUST);
				parts++;
			}
		}
		return parts == 0 ? null : all.build();
	}

	/** What to mark in titles and texts: every bigram of the text (exact parts as phrases), in any order. */
	static Query highlight(String text) {
		var any = new BooleanQuery.Builder();
		for (Part part : parts(text == null ? "" : text)) {
			if (part.trackingNo()) {
				continue;
			}
			var tokens = tokens(ChineseAnalysis.bigrams(), part.text());
			for (String field : SubmissionDocuments.TEXT_FIELDS) {
				if (part.exact() && tokens.size() > 1) {
					any.add(phrase(field, tokens), Occur.SHOULD);
				}
				else {
					tokens.forEach(t -> any.add(new TermQuery(new Term(field, t.term())), Occur.SHOULD));
				}
			}
		}
		return any.build();
	}

	static List<Part> parts(String text) {
		var parts = new ArrayList<Part>();
		Matcher m = PARTS.matcher(text.replace('\u3000', ' '));
		while (m.find()) {
			for (int g = 1; g <= 4; g++) {
				if (m.group(g) != null && !m.group(g).isBlank()) {
					parts.add(new Part(m.group(g).strip(), g < 4));
				}
			}
		}
		return parts;
	}

	private static Query part(Part part) {
		var any = new BooleanQuery.Builder();
		int alternatives = 0;
		var bigrams = tokens(ChineseAnalysis.bigrams(), part.text());
		var words = part.exact() ? List.<Token>of() : words(part.text());
		for (String field : SubmissionDocuments.TEXT_FIELDS) {
			float boost = field.equals(SubmissionDocuments.TITLE) ? TITLE_BOOST : 1f;
			if (!bigrams.isEmpty()) {
				any.add(new BoostQuery(part.exact() ? phrase(field, bigrams) : mostBigrams(field, bigrams), boost), Occur.SHOULD);
				alternatives++;
			}
			if (!words.isEmpty()) {
				any.add(new BoostQuery(allTerms(field + ChineseAnalysis.WORDS_SUFFIX, words), boost), Occur.SHOULD);
				alternatives++;
			}
		}
		if (part.trackingNo()) {
			any.add(new BoostQuery(new TermQuery(new Term(SubmissionDocuments.TRACKING, SubmissionDocuments.trackingKey(part.text()))),
					TRACKING_BOOST), Occur.SHOULD);
			alternatives++;
		}
		return alternatives == 0 ? null : any.build();
	}

	/**
	 * The words of a part that can find what its bigrams cannot: the same words in another order. Only
	 * words of two characters or more count (the dictionary cuts names and abbreviations into single
	 * characters, 河长制 into 河 长 制, and a single character says little but costs a long posting list);
	 * with fewer than two such words there is no other order to find, and the bigrams do the work alone.
	 */
	static List<Token> words(String part) {
		var words = tokens(ChineseAnalysis.words(), part).stream().filter(t -> t.term().codePointCount(0, t.term().length()) > 1).toList();
		return words.size() < 2 ? List.of() : words;
	}

	/** All bigrams, or all but one when there are four or more (one word inserted or the order changed at one place). */
	static Query mostBigrams(String field, List<Token> tokens) {
		if (tokens.size() == 1) {
			return new TermQuery(new Term(field, tokens.get(0).term()));
		}
		var q = new BooleanQuery.Builder();
		tokens.forEach(t -> q.add(new TermQuery(new Term(field, t.term())), Occur.SHOULD));
		q.setMinimumNumberShouldMatch(tokens.size() >= 4 ? tokens.size() - 1 : tokens.size());
		return q.build();
	}

	static Query allTerms(String field, List<Token> tokens) {
		if (tokens.size() == 1) {
			return new TermQuery(new Term(field, tokens.get(0).term()));
		}
		var q = new BooleanQuery.Builder();
		tokens.forEach(t -> q.add(new TermQuery(new Term(field, t.term())), Occur.MUST));
		return q.build();
	}

	static Query phrase(String field, List<Token> tokens) {
		if (tokens.size() == 1) {
			return new TermQuery(new Term(field, tokens.get(0).term()));
		}
		var q = new PhraseQuery.Builder();
		tokens.forEach(t -> q.add(new Term(field, t.term()), t.position()));
		return q.build();
	}

	static List<Token> tokens(Analyzer analyzer, String text) {
		var tokens = new ArrayList<Token>();
		try (TokenStream stream = analyzer.tokenStream("", text)) {
			var term = stream.addAttribute(CharTermAttribute.class);
			var increment = stream.addAttribute(PositionIncrementAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken()) {
				position += increment.getPositionIncrement();
				tokens.add(new Token(term.toString(), position));
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex); // analysing a string does no I/O
		}
		return tokens;
	}

	private static void filter(BooleanQuery.Builder query, String field, String value) {
		if (value != null) {
			query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
		}
	}
}
