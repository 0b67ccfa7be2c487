package org.baosong.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Fragments around the matches: marks merged, long sentences cut around the first match, all text escaped. */
class FragmentsTest {

	@Test
	void overlappingAndTouchingBigramsMakeOneMark() {
		String text = "优化营商环境十条措施";
		// 营商 [2,4) 商环 [3,5) 环境 [4,6), and 十条 [6,8) touching it
		var h = Fragments.fragment(text, 0, text.length(), new int[] { 2, 3, 4, 6 }, new int[] { 4, 5, 6, 8 }, 4, 160);
		assertThat(h.spans()).containsExactly(new Highlight.Span("优化", false), new Highlight.Span("营商环境十条", true),
				new Highlight.Span("措施", false));
	}

	@Test
	void aLongSentenceIsCutAroundItsFirstMatchWithEllipses() {
		String text = "甲".repeat(300) + "乡村振兴" + "乙".repeat(300);
		var h = Fragments.fragment(text, 0, text.length(), new int[] { 300 }, new int[] { 304 }, 1, 160);
		assertThat(h.spans().get(0).text()).isEqualTo("…");
		assertThat(h.spans().get(h.spans().size() - 1).text()).isEqualTo("…");
		assertThat(h.text()).contains("乡村振兴").hasSize(160 + 2);
		assertThat(h.text().indexOf("乡村振兴")).isEqualTo(1 + 40); // a quarter of the room before the match
	}

	@Test
	void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
		String text = "𠀋".repeat(200) + "营商环境";
		var h = Fragments.fragment(text, 0, text.length(), new int[] { 400 }, new int[] { 404 }, 1, 161);
		assertThat(h.text().codePoints().boxed().toList()).noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
	}

	@Test
	void whiteSpaceIsCollapsedAndTrimmed() {
		String text = "\n  第一段\n\n\t第二段  ";
		var h = Fragments.fragment(text, 0, text.length(), new int[0], new int[0], 0, 160);
		assertThat(h.text()).isEqualTo("第一段 第二段");
	}

	@Test
	void htmlEscapesEverythingButTheMarks() {
		var h = new Highlight(List.of(new Highlight.Span("<b onclick=\"x\">'&", false), new Highlight.Span("<mark>", true)));
		assertThat(h.html()).isEqualTo("&lt;b onclick=&quot;x&quot;&gt;&#39;&amp;<mark>&lt;mark&gt;</mark>");
		assertThat(h.text()).isEqualTo("<b onclick=\"x\">'&<mark>");
		assertThat(h.matched()).isTrue();
	}
}
