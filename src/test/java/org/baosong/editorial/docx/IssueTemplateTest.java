package org.baosong.editorial.docx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;

import org.baosong.testsupport.Soffice;

/**
 * The shipped issue template filled with an issue and read back with POI: the masthead, 第N期, the
 * office and the date above the red rule, every item's title and paragraphs in order with its unit,
 * the 报/送/发 lines, the fonts, the draft mark; placeholders Word split over runs; templates that
 * cannot work refused with the reason. Then LibreOffice lays the document out as PDF and the PDF's
 * text is read back with PDFBox.
 */
class IssueTemplateTest {

	static final Path SHIPPED = Path.of("config", "templates", "docs", "issue.docx");

	static final String OFFICE = "广州市人民政府办公厅（新闻信息处）";

	static final List<IssueTemplate.Item> ITEMS = List.of(
			new IssueTemplate.Item("越秀区推进老旧小区改造惠及3万户",
					List.of("今年以来，越秀区把老旧小区改造作为重点民生工程，全年改造小区42个，惠及居民3万户。", "一是统筹规划，一区一策。",
							"二是群众参与，共建共治。"),
					"越秀区", "越秀区政府", "标题信息"),
			new IssueTemplate.Item("海珠区湿地生态保护修复成效明显", List.of("海珠湿地累计修复面积达到1100公顷，鸟类增至187种。"), "海珠区", "海珠区政府",
					"短波信息"),
			new IssueTemplate.Item("天河区建成5G基站<1.2万个>&", List.of("天河区“5G+工业互联网”项目达到36个。"), "天河区", "天河区政府", "短波信息"));

	static IssueTemplate.Content content(boolean draft) {
		return new IssueTemplate.Content("穗府信息", 2026, 3, LocalDate.of(2026, 11, 22), OFFICE, draft, ITEMS);
	}

	static byte[] shipped() throws IOException {
		return Files.readAllBytes(SHIPPED);
	}

	static List<String> bodyTexts(XWPFDocument doc) {
		return doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank()).toList();
	}

	static XWPFRun runWith(XWPFDocument doc, String text) {
		return doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).filter(r -> r.text().contains(text)).findFirst()
			.orElseThrow(() -> new AssertionError("no run with " + text));
	}

	static String eastAsia(XWPFRun run) {
		CTFonts fonts = run.getCTR().getRPr().getRFontsArray(0);
		return fonts.getEastAsia();
	}

	@Test
	void theShippedTemplatePrintsTheIssueInOrderWithItsMastheadAndDistribution() throws IOException {
		byte[] docx = IssueTemplate.fill(shipped(), content(false));
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			assertThat(bodyTexts(doc)).containsExactly("穗府信息", "第3期", OFFICE + "编\t2026年11月22日",
					"越秀区推进老旧小区改造惠及3万户",
					"今年以来，越秀区把老旧小区改造作为重点民生工程，全年改造小区42个，惠及居民3万户。", "一是统筹规划，一区一策。", "二是群众参与，共建共治。〔越秀区〕",
					"海珠区湿地生态保护修复成效明显", "海珠湿地累计修复面积达到1100公顷，鸟类增至187种。〔海珠区〕",
					"天河区建成5G基站<1.2万个>&", "天河区“5G+工业互联网”项目达到36个。〔天河区〕",
					"报：省政府办公厅。", "送：市委办公厅，市人大常委会办公厅，市政协办公厅。", "发：各区人民政府，市政府各部门、各直属机构。");

			XWPFRun masthead = runWith(doc, "穗府信息");
			assertThat(eastAsia(masthead)).isEqualTo("方正小标宋简体");
			assertThat(masthead.getColor()).isEqualToIgnoringCase("FF0000");
			assertThat(masthead.getFontSizeAsDouble()).isEqualTo(36.0);
			var rule = doc.getParagraphs().stream().filter(p -> p.getText().startsWith(OFFICE)).findFirst().orElseThrow().getCTP().getPPr()
				.getPBdr().getBottom();
			assertThat(rule.xgetColor().getStringValue()).isEqualToIgnoringCase("FF0000");

			XWPFRun title = runWith(doc, "海珠区湿地生态保护修复成效明显");
			assertThat(eastAsia(title)).isEqualTo("方正小标宋简体");
			assertThat(title.getFontSizeAsDouble()).isEqualTo(22.0);
			XWPFRun text = runWith(doc, "一是统筹规划");
			assertThat(eastAsia(text)).isEqualTo("仿宋_GB2312");
			assertThat(text.getFontSizeAsDouble()).isEqualTo(16.0);
			assertThat(eastAsia(runWith(doc, "〔越秀区〕"))).isEqualTo("楷体_GB2312");
			assertThat(eastAsia(runWith(doc, "报：省政府办公厅"))).isEqualTo("仿宋_GB2312");

			assertThat(doc.getHeaderList()).allSatisfy(h -> assertThat(h.getText()).doesNotContain("草稿"));
			assertThat(everything(doc)).doesNotContain("{{").doesNotContain("}}");
		}
	}

	@Test
	void aDraftSaysSoOnEveryPageAndAnEmptyIssueKeepsItsMasthead() throws IOException {
		var empty = new IssueTemplate.Content("穗府要情", 2026, 1, LocalDate.of(2026, 1, 5), OFFICE, true, List.of());
		try (var doc = new XWPFDocument(new ByteArrayInputStream(IssueTemplate.fill(shipped(), empty)))) {
			assertThat(doc.getHeaderList()).anySatisfy(h -> assertThat(h.getText()).contains("草稿"));
			assertThat(bodyTexts(doc)).startsWith("穗府要情", "第1期", OFFICE + "编\t2026年1月5日").hasSize(6);
		}
	}

	@Test
	void placeholdersWordSplitOverRunsAreFilledAndTheTextKeepsItsPrefixOnTheFirstParagraphOnly() throws IOException {
		byte[] template = template(doc -> {
			paragraph(doc, "{{jo", "urnal}} 第{{", "issueNo}}期");
			paragraph(doc, "{{#it", "ems}}");
			paragraph(doc, "{{item.no}}. {{item.", "title}}（{{item.placement}}）");
			paragraph(doc, "　　导语：", "{{item.text}}", "（{{item.unitName}}）");
			paragraph(doc, "{{/items}}");
			paragraph(doc, "共{{count}}条");
		});
		try (var doc = new XWPFDocument(new ByteArrayInputStream(IssueTemplate.fill(template, content(false))))) {
			assertThat(bodyTexts(doc)).containsExactly("穗府信息 第3期", "1. 越秀区推进老旧小区改造惠及3万户（标题信息）",
					"　　导语：今年以来，越秀区把老旧小区改造作为重点民生工程，全年改造小区42个，惠及居民3万户。", "一是统筹规划，一区一策。", "二是群众参与，共建共治。（越秀区政府）",
					"2. 海珠区湿地生态保护修复成效明显（短波信息）", "　　导语：海珠湿地累计修复面积达到1100公顷，鸟类增至187种。（海珠区政府）",
					"3. 天河区建成5G基站<1.2万个>&（短波信息）", "　　导语：天河区“5G+工业互联网”项目达到36个。（天河区政府）", "共3条");
		}
	}

	@Test
	void controlCharactersOfAnExtractedTextDoNotBreakTheDocument() throws IOException {
		var item = new IssueTemplate.Item("标题\u0001一", List.of("第一段\u0007。\uD800", "\uD83D\uDE00第二段\u001F"), "越秀区", "越秀区政府", "简讯");
		var content = new IssueTemplate.Content("穗府信息", 2026, 3, LocalDate.of(2026, 11, 22), OFFICE, false, List.of(item));
		try (var doc = new XWPFDocument(new ByteArrayInputStream(IssueTemplate.fill(shipped(), content)))) {
			assertThat(bodyTexts(doc)).contains("标题一", "第一段。", "\uD83D\uDE00第二段〔越秀区〕");
		}
	}

	@Test
	void templatesThatCannotBeFilledAreRefusedWithTheReason() throws IOException {
		IssueTemplate.check(shipped());
		assertThatThrownBy(() -> IssueTemplate.check("PK not really".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(IssueTemplate.Invalid.class).hasMessageContaining("not a DOCX");
		assertThatThrownBy(() -> IssueTemplate.check(template(doc -> paragraph(doc, "{{journal}}"))))
			.hasMessageContaining("no item block");
		assertThatThrownBy(() -> IssueTemplate.check(template(doc -> {
			paragraph(doc, "{{jounral}}");
			block(doc);
		}))).hasMessageContaining("{{jounral}}");
		assertThatThrownBy(() -> IssueTemplate.check(template(doc -> {
			paragraph(doc, "{{item.title}}");
			block(doc);
		}))).hasMessageContaining("{{item.title}}");
		assertThatThrownBy(() -> IssueTemplate.check(template(doc -> {
			paragraph(doc, "{{#items}}");
			paragraph(doc, "{{item.title}}");
			paragraph(doc, "{{/items}}");
		}))).hasMessageContaining("needs {{item.title}} and {{item.text}}");
		assertThatThrownBy(() -> IssueTemplate.check(template(doc -> {
			block(doc);
			block(doc);
		}))).hasMessageContaining("more than one");
	}

	@Test
	void theTextLeavesOutTheRepeatedTitleIndentsAndTheSignatureBlock() {
		String text = "越秀区推进 老旧小区改造惠及3万户\n\n　　今年以来，越秀区改造小区42个。\r\n　　一是统筹规划。\n\n单位：越秀区政府\n签发人：王明\n报送人：李华\n"
				+ "联系电话：13800138000\n日期：2026-11-20\n";
		assertThat(IssueTexts.paragraphs("越秀区推进老旧小区改造惠及3万户", text)).containsExactly("今年以来，越秀区改造小区42个。", "一是统筹规划。");
		assertThat(IssueTexts.paragraphs("标题", "第一段。\n单位：越秀区政府要求各街道落实。\n2026年11月20日")).containsExactly("第一段。");
		assertThat(IssueTexts.paragraphs("标题", "日期：今天开会。\n第二段。")).containsExactly("日期：今天开会。", "第二段。");
		assertThat(IssueTexts.paragraphs("标题", null)).isEmpty();
	}

	@Test
	void libreOfficeLaysTheExportOutAsPdfWithTheChineseTextIntact() throws Exception {
		Path dir = Path.of("target", "docx");
		Files.createDirectories(dir);
		Path docx = dir.resolve("穗府信息2026年第3期.docx");
		Files.write(docx, IssueTemplate.fill(shipped(), content(true)));

		Path pdf = Soffice.toPdf(docx, dir);

		assertThat(Files.size(pdf)).isGreaterThan(5_000);
		try (var document = Loader.loadPDF(pdf.toFile())) {
			assertThat(document.getNumberOfPages()).isBetween(1, 3);
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("穗府信息", "第3期", "2026年11月22日", "草稿", "报：省政府办公厅。");
			int previous = -1;
			for (IssueTemplate.Item item : ITEMS) {
				int at = text.indexOf(item.title().replaceAll("\\s+", ""));
				assertThat(at).as("%s after the previous item", item.title()).isGreaterThan(previous);
				assertThat(text.indexOf(item.paragraphs().get(0).replaceAll("\\s+", ""))).isGreaterThan(at);
				previous = at;
			}
			assertThat(text.indexOf("报：省政府办公厅")).isGreaterThan(previous);
		}
	}

	private static String everything(XWPFDocument doc) {
		var all = new StringBuilder();
		doc.getParagraphs().forEach(p -> all.append(p.getText()).append('\n'));
		doc.getHeaderList().forEach(h -> all.append(h.getText()));
		doc.getFooterList().forEach(f -> all.append(f.getText()));
		return all.toString();
	}

	interface Body {
		void write(XWPFDocument doc);
	}

	private static byte[] template(Body body) throws IOException {
		try (var doc = new XWPFDocument()) {
			body.write(doc);
			var out = new ByteArrayOutputStream();
			doc.write(out);
			return out.toByteArray();
		}
	}

	/** A paragraph with one run per piece, as Word stores text typed in several goes. */
	private static void paragraph(XWPFDocument doc, String... runs) {
		XWPFParagraph p = doc.createParagraph();
		var pieces = new ArrayList<>(List.of(runs));
		for (String piece : pieces) {
			p.createRun().setText(piece);
		}
	}

	private static void block(XWPFDocument doc) {
		paragraph(doc, "{{#items}}");
		paragraph(doc, "{{item.title}}");
		paragraph(doc, "{{item.text}}");
		paragraph(doc, "{{/items}}");
	}
}
