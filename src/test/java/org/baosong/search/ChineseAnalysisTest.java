package org.baosong.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** What the two analyses make of Chinese text (ADR 0010). */
class ChineseAnalysisTest {

	static List<String> terms(Analyzer analyzer, String text) {
		return SearchQueries.tokens(analyzer, text).stream().map(SearchQueries.Token::term).toList();
	}

	@Test
	void bigramsOverlapAcrossWordsAndKeepLatinAndNumbersWhole() {
		assertThat(terms(ChineseAnalysis.bigrams(), "越秀区推进")).containsExactly("越秀", "秀区", "区推", "推进");
		assertThat(terms(ChineseAnalysis.bigrams(), "2026年GDP增长")).containsExactly("2026", "年", "gdp", "增长");
	}

	@Test
	void fullWidthLettersAndDigitsAreFolded() {
		assertThat(terms(ChineseAnalysis.bigrams(), "５Ｇ基站")).isEqualTo(terms(ChineseAnalysis.bigrams(), "5G基站"))
			.containsExactly("5g", "基站");
	}

	@Test
	void aNameIsOneBigramSoItIsFoundWhateverSurroundsIt() {
		assertThat(terms(ChineseAnalysis.bigrams(), "王明")).containsExactly("王明");
		assertThat(terms(ChineseAnalysis.bigrams(), "副区长王明带队")).contains("王明");
	}

	@Test
	void wordsFollowTheDictionaryAndDependOnTheContext() {
		assertThat(terms(ChineseAnalysis.words(), "乡村振兴战略")).containsExactly("乡村", "振兴", "战略");
		// the reason words alone miss 天河区 in 天河区政府: the district's name is cut differently there
		assertThat(terms(ChineseAnalysis.words(), "天河区")).containsExactly("天河", "区");
		assertThat(terms(ChineseAnalysis.words(), "天河区政府")).containsExactly("天河", "区政府");
	}

	@Test
	void punctuationIsNotATerm() {
		assertThat(terms(ChineseAnalysis.bigrams(), "，。！“”")).isEmpty();
		assertThat(terms(ChineseAnalysis.words(), "，。！“”")).isEmpty();
	}
}
