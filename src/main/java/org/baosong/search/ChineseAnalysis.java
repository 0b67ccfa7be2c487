package org.baosong.search;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two analyses every text is indexed with (ADR 0010): overlapping character bigrams, which find
 * any name, place or abbreviation whatever a dictionary thinks of it, and SmartChinese words, which
 * find the same words in another order (改造老旧小区 for 老旧小区改造). Each text field has a
 * {@code _words} twin analyzed with the second.
 */
final class ChineseAnalysis {

	static final String WORDS_SUFFIX = "_words";

	private static final Analyzer BIGRAMS = new BigramAnalyzer();

	private static final Analyzer WORDS = new SmartChineseAnalyzer();

	private ChineseAnalysis() {
	}

	/** Han (and kana, hangul) as overlapping bigrams; Latin words and numbers whole, lower case; full width folded. */
	static Analyzer bigrams() {
		return BIGRAMS;
	}

	/** SmartChinese's word segmentation (its hidden Markov model over a built-in dictionary). */
	static Analyzer words() {
		return WORDS;
	}

	/** For the index writer: {@code *_words} fields get words, every other text field bigrams. */
	static Analyzer perField(String... textFields) {
		var words = new java.util.HashMap<String, Analyzer>();
		for (String field : textFields) {
			words.put(field + WORDS_SUFFIX, WORDS);
		}
		return new PerFieldAnalyzerWrapper(BIGRAMS, Map.copyOf(words));
	}

	private static final class BigramAnalyzer extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			var source = new StandardTokenizer();
			TokenStream stream = new CJKWidthFilter(source);
			stream = new LowerCaseFilter(stream);
			stream = new CJKBigramFilter(stream);
			return new TokenStreamComponents(source, stream);
		}

		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			return new LowerCaseFilter(new CJKWidthFilter(in));
		}
	}
}
