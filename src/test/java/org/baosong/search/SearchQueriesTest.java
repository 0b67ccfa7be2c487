package org.baosong.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;

import org.baosong.search.SearchQueries.Part;

/** How typed text becomes parts and queries. */
class SearchQueriesTest {

	@Test
	void spacesSeparatePartsAndQuotesOfEveryKindMakeExactOnes() {
		assertThat(SearchQueries.parts("越秀区 垃圾分类")).containsExactly(new Part("越秀区", false), new Part("垃圾分类", false));
		assertThat(SearchQueries.parts("越秀区\u3000“营商环境” \"一网通办\" 「河长制」")).containsExactly(new Part("越秀区", false),
				new Part("营商环境", true), new Part("一网通办", true), new Part("河长制", true));
		assertThat(SearchQueries.parts("  ")).isEmpty();
	}

	@Test
	void aTrackingNumberIsRecognised() {
		assertThat(new Part("GZ-2026-000123", false).trackingNo()).isTrue();
		assertThat(new Part("yc-2025-12", false).trackingNo()).isTrue();
		assertThat(new Part("2026-000123", false).trackingNo()).isFalse();
	}

	@Test
	void fromFourBigramsOnAllButOneAreRequired() {
		var three = (BooleanQuery) SearchQueries.mostBigrams("text", SearchQueries.tokens(ChineseAnalysis.bigrams(), "乡村振兴"));
		var five = (BooleanQuery) SearchQueries.mostBigrams("text", SearchQueries.tokens(ChineseAnalysis.bigrams(), "老旧小区改造"));
		assertThat(three.clauses()).hasSize(3);
		assertThat(three.getMinimumNumberShouldMatch()).isEqualTo(3);
		assertThat(five.clauses()).hasSize(5);
		assertThat(five.getMinimumNumberShouldMatch()).isEqualTo(4);
	}

	@Test
	void everyPartIsRequiredAndFiltersDoNotScore() {
		var query = (BooleanQuery) SearchQueries.query(new SearchCriteria("越秀区 垃圾分类", 7L, "district", null, null, null, null, null, null, 0, 20),
				ZoneId.of("Asia/Shanghai"));
		var text = (BooleanQuery) query.clauses().get(0).getQuery();
		assertThat(text.clauses()).hasSize(2).allMatch(c -> c.getOccur() == org.apache.lucene.search.BooleanClause.Occur.MUST);
		assertThat(query.clauses().stream().skip(1)).hasSize(2).allMatch(c -> c.getOccur() == org.apache.lucene.search.BooleanClause.Occur.FILTER);
	}

	@Test
	void onlyPunctuationIsNoTextCondition() {
		assertThat(SearchQueries.text("，。")).isNull();
		var query = (BooleanQuery) SearchQueries.query(SearchCriteria.text("，。"), ZoneId.of("Asia/Shanghai"));
		assertThat(query.clauses().get(0).getQuery()).isInstanceOf(MatchAllDocsQuery.class);
	}
}
