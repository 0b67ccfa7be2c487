package org.baosong.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.baosong.extraction.parse.ParsedDocument;
import org.junit.jupiter.api.Test;

class TextNormalizationTest {

	@Test
	void whitespaceIsNormalizedButFullWidthFormsStayAsWritten() {
		assertThat(TextNormalizer.lines("\u3000\u3000一、总体要求：ＡＢＣ１２３\r\n\n  a \t b\u00A0c \u200B\n\n"))
			.containsExactly("一、总体要求：ＡＢＣ１２３", "a b c");
	}

	@Test
	void runningHeadersFootersAndPageNumbersGoToHeaderFooter() {
		List<List<String>> pages = List.of(List.of("××市人民政府办公室", "正文第一页", "甲", "乙", "- 1 -"),
				List.of("××市人民政府办公室", "正文第二页", "丙", "丁", "- 2 -"),
				List.of("××市人民政府办公室", "正文第三页", "戊", "己", "第3页 共3页"));
		Set<String> furniture = new LinkedHashSet<>();

		List<List<String>> bodies = TextNormalizer.removeFurniture(pages, true, furniture);

		assertThat(bodies).containsExactly(List.of("正文第一页", "甲", "乙"), List.of("正文第二页", "丙", "丁"),
				List.of("正文第三页", "戊", "己"));
		assertThat(furniture).contains("××市人民政府办公室", "- 1 -", "第3页 共3页");
	}

	@Test
	void aLineRepeatedRightAfterItselfIsKeptOnce() {
		List<List<String>> bodies = TextNormalizer.removeFurniture(List.of(List.of("标题", "标题", "正文")), false,
				new LinkedHashSet<>());
		assertThat(bodies.get(0)).containsExactly("标题", "正文");
	}

	@Test
	void charactersAreCountedAsWordAndWpsCountThem() {
		// 9 Chinese characters + "3.1" (one) + "万户" (2) + "，" and "。" (full-width: one each) + "+" (one)
		assertThat(ChineseCharCounter.count("惠及居民共计九个字 3.1万户，+。")).isEqualTo(9 + 1 + 2 + 1 + 1 + 1);
		assertThat(ChineseCharCounter.count("Hello world  ")).isEqualTo(2);
		assertThat(ChineseCharCounter.count("")).isZero();
	}

	@Test
	void titleIsThePropertyElseTheFirstHeadingElseTheFirstLine() {
		assertThat(DocumentAssembler.title(doc("标题属性", List.of("第一个标题")), List.of("第一行"))).isEqualTo("标题属性");
		assertThat(DocumentAssembler.title(doc("Microsoft Word - 报告.doc", List.of("第一个标题")), List.of("第一行")))
			.isEqualTo("第一个标题");
		assertThat(DocumentAssembler.title(doc("报告.docx", List.of()), List.of("第一行"))).isEqualTo("第一行");
		assertThat(DocumentAssembler.title(doc(null, List.of()), List.of())).isNull();
	}

	@Test
	void aPdfWithoutTextIsFlaggedAndNotComplete() {
		ParsedDocument scanned = new ParsedDocument(ExtractionStatus.OK, "application/pdf", null, List.of("", "", ""),
				true, List.of(), "", 3, false, false, List.of());

		ExtractedText text = new DocumentAssembler(40).assemble(scanned, "application/pdf");

		assertThat(text.textLayer()).isFalse();
		assertThat(text.complete()).isFalse();
		assertThat(text.warnings()).anySatisfy(w -> assertThat(w).contains("text layer"));
	}

	@Test
	void comparableFormFoldsWidthsAndDropsWhitespace() {
		assertThat(ExtractedText.comparable("机密 ★\n１年 ABC")).isEqualTo(ExtractedText.comparable("机密★1年ＡＢＣ"));
	}

	private static ParsedDocument doc(String title, List<String> headings) {
		return new ParsedDocument(ExtractionStatus.OK, "application/msword", title, List.of(""), false, headings, "", 0,
				false, false, List.of());
	}
}
