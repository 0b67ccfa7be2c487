package org.baosong.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.baosong.common.BaosongProperties;
import org.baosong.search.SearchCriteria.Order;

/** Queries on a real index: filters, orders, pages, tracking numbers, and what is marked and shown. */
class SubmissionSearchTest {

	@TempDir
	static Path dir;

	static SearchIndex index;

	static SubmissionSearch search;

	static final String HOSTILE = "越秀区营商环境<script>alert('x')</script>&amp;\"引号\"";

	@BeforeAll
	static void index() throws IOException {
		var properties = new SearchProperties(null, 500, 300_000, Duration.ZERO);
		index = SearchIndex.open(dir, new SubmissionDocuments(properties.maxTextChars()));
		index.add(List.of(
				submission(1, "越秀区推进老旧小区改造惠及3万户", "越秀区今年以来累计完成老旧小区改造项目42个。召开居民议事会286场。", null, 11, "district",
						"动态", "RECEIVED", List.of("URGENT"), "2026-11-18T02:00:00Z"),
				submission(2, "海珠区多措并举改造老旧小区", "海珠区统筹改造老旧小区的管网和立面。", null, 12, "district", "调研", "ADOPTED", List.of(),
						"2026-11-19T02:00:00Z"),
				submission(3, "市发展改革委召开会议", "见附件。", "会议纪要.docx\n会议要求全力推进老旧小区改造，做好冬季施工安全。", 21, "department", "动态",
						"IN_EDIT", List.of("NEAR_DUPLICATE"), "2026-11-20T16:30:00Z"),
				submission(4, HOSTILE, "正文提到营商环境<img src=x onerror=alert(1)>。", null, 11, "district", "动态", "RECEIVED", List.of(),
						"2026-11-17T02:00:00Z")));
		for (int i = 10; i < 45; i++) {
			index.add(List.of(submission(i + 100, "从化区荔枝产业第" + i + "期", "从化区荔枝产业发展情况。", null, 13, "district", "简讯", "RECEIVED",
					List.of(), "2026-10-01T02:00:00Z")));
		}
		index.commit(Instant.now());
		search = new SubmissionSearch(index, null, null, new BaosongProperties(dir, ZoneId.of("Asia/Shanghai"), null), properties);
	}

	@AfterAll
	static void close() throws IOException {
		index.close();
	}

	static IndexedSubmission submission(long id, String title, String text, String attachments, long unit, String sequence, String type,
			String state, List<String> flags, String received) {
		return new IndexedSubmission(id, "GZ-2026-%06d".formatted(id), title, text, attachments, unit, "单位" + unit, sequence, type, state, flags,
				Instant.parse(received));
	}

	static SearchCriteria criteria(String text, Long unit, String sequence, String type, String state, String flag, LocalDate from, LocalDate to,
			Order order) {
		return new SearchCriteria(text, unit, sequence, type, state, flag, from, to, order, 0, 20);
	}

	static List<Long> ids(SearchCriteria criteria) {
		return search.search(criteria).items().stream().map(SearchHit::id).toList();
	}

	@Test
	void aPhraseFindsTheTitleTheTextAndTheAttachmentsBestFirst() {
		assertThat(ids(SearchCriteria.text("老旧小区改造"))).containsExactly(1L, 2L, 3L);
	}

	@Test
	void filtersNarrowTheResults() {
		assertThat(ids(criteria("老旧小区", 11L, null, null, null, null, null, null, null))).containsExactly(1L);
		assertThat(ids(criteria("老旧小区", null, "department", null, null, null, null, null, null))).containsExactly(3L);
		assertThat(ids(criteria("老旧小区", null, null, "调研", null, null, null, null, null))).containsExactly(2L);
		assertThat(ids(criteria("老旧小区", null, null, null, "ADOPTED", null, null, null, null))).containsExactly(2L);
		assertThat(ids(criteria("老旧小区", null, null, null, null, "URGENT", null, null, null))).containsExactly(1L);
		assertThat(ids(criteria(null, null, null, null, null, "NEAR_DUPLICATE", null, null, null))).containsExactly(3L);
	}

	@Test
	void datesAreDaysInTheOfficeTimeZone() {
		// submission 3 arrived 2026-11-20T16:30Z, which is 21 November in Guangzhou
		var nov21 = LocalDate.parse("2026-11-21");
		var nov20 = LocalDate.parse("2026-11-20");
		assertThat(ids(criteria("老旧小区", null, null, null, null, null, nov21, nov21, null))).containsExactly(3L);
		assertThat(ids(criteria("老旧小区", null, null, null, null, null, null, nov20, null))).containsExactlyInAnyOrder(1L, 2L);
		assertThat(ids(criteria("老旧小区", null, null, null, null, null, LocalDate.parse("2026-11-19"), null, Order.OLDEST)))
			.containsExactly(2L, 3L);
	}

	@Test
	void ordersByDateEitherWay() {
		assertThat(ids(criteria("老旧小区", null, null, null, null, null, null, null, Order.NEWEST))).containsExactly(3L, 2L, 1L);
		assertThat(ids(criteria("老旧小区", null, null, null, null, null, null, null, Order.OLDEST))).containsExactly(1L, 2L, 3L);
	}

	@Test
	void pagesCountEveryMatch() {
		var first = search.search(new SearchCriteria("从化区 荔枝", null, null, null, null, null, null, null, Order.NEWEST, 0, 20));
		var second = search.search(new SearchCriteria("从化区 荔枝", null, null, null, null, null, null, null, Order.NEWEST, 1, 20));
		assertThat(first.total()).isEqualTo(35);
		assertThat(first.items()).hasSize(20);
		assertThat(second.items()).hasSize(15);
		assertThat(second.items()).extracting(SearchHit::id).doesNotContainAnyElementsOf(first.items().stream().map(SearchHit::id).toList());
	}

	@Test
	void aTrackingNumberFindsItsSubmissionInAnyCase() {
		assertThat(ids(SearchCriteria.text("gz-2026-000002"))).containsExactly(2L);
		var hit = search.search(SearchCriteria.text("GZ-2026-000003")).items().get(0);
		assertThat(hit.trackingNo()).isEqualTo("GZ-2026-000003");
		assertThat(hit.unitName()).isEqualTo("单位21");
		assertThat(hit.flags()).containsExactly("NEAR_DUPLICATE");
		assertThat(hit.receivedAt()).isEqualTo(Instant.parse("2026-11-20T16:30:00Z"));
	}

	@Test
	void theMatchesAreMarkedInTheTitleAndInSentencesOfTheText() {
		var hit = search.search(SearchCriteria.text("老旧小区改造")).items().get(0);
		assertThat(hit.title().html()).isEqualTo("越秀区推进<mark>老旧小区改造</mark>惠及3万户");
		assertThat(hit.fragments()).hasSize(1);
		assertThat(hit.fragments().get(0).html()).isEqualTo("越秀区今年以来累计完成<mark>老旧小区改造</mark>项目42个。");
	}

	@Test
	void whenOnlyAnAttachmentMatchesItsTextIsShown() {
		var hit = search.search(SearchCriteria.text("冬季施工")).items().get(0);
		assertThat(hit.id()).isEqualTo(3L);
		assertThat(hit.title().matched()).isFalse();
		assertThat(hit.fragments()).singleElement().satisfies(f -> assertThat(f.html()).contains("<mark>冬季施工</mark>"));
	}

	@Test
	void aTitleThatDoesNotMatchIsShownWholeAndTheTextBeginsTheFragments() {
		var hit = search.search(criteria(null, 12L, null, null, null, null, null, null, null)).items().get(0);
		assertThat(hit.title().html()).isEqualTo("海珠区多措并举改造老旧小区");
		assertThat(hit.fragments()).singleElement().satisfies(f -> assertThat(f.text()).isEqualTo("海珠区统筹改造老旧小区的管网和立面。"));
	}

	@Test
	void mailContentIsEscapedEverywhereButTheMarks() {
		var hit = search.search(SearchCriteria.text("营商环境")).items().stream().filter(h -> h.id() == 4).findFirst().orElseThrow();
		assertThat(hit.title().text()).isEqualTo(HOSTILE);
		assertThat(hit.title().html()).isEqualTo(
				"越秀区<mark>营商环境</mark>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;&quot;引号&quot;");
		assertThat(hit.fragments().get(0).html()).isEqualTo("正文提到<mark>营商环境</mark>&lt;img src=x onerror=alert(1)&gt;。")
			.doesNotContain("<img");
	}

	@Test
	void nothingSearchableTypedMeansNoTextCondition() {
		assertThat(search.search(SearchCriteria.text("，。！")).total()).isEqualTo(39);
	}
}
