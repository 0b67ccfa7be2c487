package org.baosong.editorial.docx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

/**
 * Writes the shipped issue template {@code config/templates/docs/issue.docx}: a 信息刊物 layout after
 * GB/T 9704-2012 (A4, 37/35/28/26 mm margins, 22 lines of 28 characters), the red masthead, the item
 * block and the 报/送/发 lines, with the placeholders {@link IssueTemplate} fills. Run it with
 * {@code scripts/issue-template} after changing it; an office replaces the file with its own letterhead
 * made in Word or WPS (ADR 0019 says what the template must contain).
 */
public final class IssueTemplateGenerator {

	static final Path SHIPPED = Path.of("config", "templates", "docs", "issue.docx");

	/** Font sizes in points, by their Chinese names. */
	static final int XIAOCHU = 36, ERHAO = 22, SANHAO = 16, SIHAO = 14;

	static final String XIAOBIAOSONG = "方正小标宋简体", FANGSONG = "仿宋_GB2312", KAITI = "楷体_GB2312", HEITI = "黑体", SONGTI = "宋体";

	static final String RED = "FF0000";

	/** The width of the text block: 156 mm in twips. */
	static final int TEXT_WIDTH = 8844;

	private IssueTemplateGenerator() {
	}

	public static void main(String[] args) throws Exception {
		Path target = args.length > 0 ? Path.of(args[0]) : SHIPPED;
		Files.createDirectories(target.toAbsolutePath().getParent());
		try (OutputStream out = Files.newOutputStream(target)) {
			write(out);
		}
		System.out.println("wrote " + target.toAbsolutePath());
	}

	static void write(OutputStream out) throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
		try (var doc = new XWPFDocument()) {
			defaults(doc);
			page(doc);
			header(doc);
			footer(doc);
			masthead(doc);
			items(doc);
			distribution(doc);
			fontTable(doc);
			doc.getProperties().getCoreProperties().setTitle("政务信息刊物模板");
			doc.getProperties().getCoreProperties().setCreator("Baosong");
			doc.write(out);
		}
	}

	/** Body text defaults: 仿宋_GB2312 三号, Times New Roman for Latin letters and digits, Chinese language. */
	private static void defaults(XWPFDocument doc) {
		var styles = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles.Factory.newInstance();
		var rpr = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
		CTFonts fonts = rpr.addNewRFonts();
		fonts.setAscii("Times New Roman");
		fonts.setHAnsi("Times New Roman");
		fonts.setEastAsia(FANGSONG);
		fonts.setCs("Times New Roman");
		rpr.addNewSz().setVal(BigInteger.valueOf(SANHAO * 2L));
		var lang = rpr.addNewLang();
		lang.setVal("en-US");
		lang.setEastAsia("zh-CN");
		doc.createStyles().setStyles(styles);
	}

	/** A4 portrait; GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; 22 lines a page. */
	private static void page(XWPFDocument doc) {
		CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
				: doc.getDocument().getBody().addNewSectPr();
		var size = sect.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		var margins = sect.addNewPgMar();
		margins.setTop(BigInteger.valueOf(2098));
		margins.setBottom(BigInteger.valueOf(1984));
		margins.setLeft(BigInteger.valueOf(1587));
		margins.setRight(BigInteger.valueOf(1474));
		margins.setHeader(BigInteger.valueOf(851));
		margins.setFooter(BigInteger.valueOf(1134));
		var grid = sect.addNewDocGrid();
		grid.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid.LINES);
		grid.setLinePitch(BigInteger.valueOf(579));
	}

	/** The page header carries {{draftMark}}: 草稿 on every page of a draft's export, nothing once published. */
	private static void header(XWPFDocument doc) {
		var header = doc.createHeader(HeaderFooterType.DEFAULT);
		XWPFParagraph p = header.createParagraph();
		p.setAlignment(ParagraphAlignment.RIGHT);
		run(p, "{{draftMark}}", HEITI, SANHAO, RED, true);
	}

	/** Page numbers as GB/T 9704 prints them: — 1 —, 四号 宋体, outside edge (centred here for simplicity). */
	private static void footer(XWPFDocument doc) {
		var footer = doc.createFooter(HeaderFooterType.DEFAULT);
		XWPFParagraph p = footer.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		run(p, "— ", SONGTI, SIHAO, null, false);
		var field = p.getCTP().addNewFldSimple();
		field.setInstr("PAGE");
		var r = field.addNewR();
		fonts(r.addNewRPr(), SONGTI);
		r.getRPr().addNewSz().setVal(BigInteger.valueOf(SIHAO * 2L));
		r.addNewT().setStringValue("1");
		run(p, " —", SONGTI, SIHAO, null, false);
	}

	/**
	 * The red masthead: the journal's name in 方正小标宋简体 小初, red; 第N期; the editing office on the
	 * left and the date on the right (a right tab at the text block's edge) above a red rule.
	 */
	private static void masthead(XWPFDocument doc) {
		XWPFParagraph name = doc.createParagraph();
		name.setAlignment(ParagraphAlignment.CENTER);
		name.setSpacingBefore(240);
		name.setSpacingAfter(120);
		XWPFRun title = run(name, "{{journal}}", XIAOBIAOSONG, XIAOCHU, RED, false);
		title.setCharacterSpacing(60);

		XWPFParagraph number = doc.createParagraph();
		number.setAlignment(ParagraphAlignment.CENTER);
		number.setSpacingAfter(240);
		run(number, "第{{issueNo}}期", FANGSONG, SANHAO, null, false);

		XWPFParagraph office = doc.createParagraph();
		office.setSpacingAfter(480);
		CTPPr ppr = office.getCTP().isSetPPr() ? office.getCTP().getPPr() : office.getCTP().addNewPPr();
		var tab = ppr.addNewTabs().addNewTab();
		tab.setVal(STTabJc.RIGHT);
		tab.setPos(BigInteger.valueOf(TEXT_WIDTH));
		CTBorder rule = ppr.addNewPBdr().addNewBottom();
		rule.setVal(STBorder.SINGLE);
		rule.setSz(BigInteger.valueOf(18)); // eighths of a point: 2.25 pt
		rule.setSpace(BigInteger.valueOf(4));
		rule.setColor(RED);
		run(office, "{{office}}编", FANGSONG, SANHAO, null, false);
		run(office, "\t", FANGSONG, SANHAO, null, false).addTab();
		run(office, "{{date}}", FANGSONG, SANHAO, null, false);
	}

	/**
	 * The item block, repeated once per item between the two marker paragraphs: the title in
	 * 方正小标宋简体 二号, centred; the text in 仿宋_GB2312 三号, justified, first line indented two
	 * characters, exactly 29 pt apart (22 lines a page), one paragraph per paragraph of the text; the
	 * unit in 楷体_GB2312 as 〔单位〕 at the end of the last one.
	 */
	private static void items(XWPFDocument doc) {
		doc.createParagraph().createRun().setText("{{#items}}");

		XWPFParagraph title = doc.createParagraph();
		title.setAlignment(ParagraphAlignment.CENTER);
		title.setSpacingBefore(240);
		title.setSpacingAfter(240);
		title.setSpacingBetween(1.0, LineSpacingRule.AUTO);
		run(title, "{{item.title}}", XIAOBIAOSONG, ERHAO, null, false);

		XWPFParagraph text = doc.createParagraph();
		text.setAlignment(ParagraphAlignment.BOTH);
		text.setSpacingBetween(29, LineSpacingRule.EXACT);
		CTPPr ppr = text.getCTP().isSetPPr() ? text.getCTP().getPPr() : text.getCTP().addNewPPr();
		var ind = ppr.isSetInd() ? ppr.getInd() : ppr.addNewInd();
		ind.setFirstLineChars(BigInteger.valueOf(200));
		ind.setFirstLine(BigInteger.valueOf(SANHAO * 2 * 20L));
		run(text, "{{item.text}}", FANGSONG, SANHAO, null, false);
		run(text, "〔{{item.unit}}〕", KAITI, SANHAO, null, false);

		doc.createParagraph().createRun().setText("{{/items}}");
	}

	/**
	 * The 版记: 报、送、发 between two thin rules, 仿宋_GB2312 四号, indented one character. These lines are
	 * the office's own: it edits them in the template (or keeps one template per journal, issue-CODE.docx).
	 */
	private static void distribution(XWPFDocument doc) {
		XWPFParagraph gap = doc.createParagraph();
		gap.setSpacingBefore(480);
		gap.setKeepNext(true);
		String[] lines = { "报：省政府办公厅。", "送：市委办公厅，市人大常委会办公厅，市政协办公厅。", "发：各区人民政府，市政府各部门、各直属机构。" };
		for (int i = 0; i < lines.length; i++) {
			XWPFParagraph p = doc.createParagraph();
			CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
			var ind = ppr.addNewInd();
			ind.setLeftChars(BigInteger.valueOf(100));
			ind.setLeft(BigInteger.valueOf(280));
			ind.setRightChars(BigInteger.valueOf(100));
			ind.setRight(BigInteger.valueOf(280));
			var borders = ppr.addNewPBdr();
			if (i == 0) {
				thin(borders.addNewTop());
			}
			if (i == lines.length - 1) {
				thin(borders.addNewBottom());
			}
			p.setSpacingBetween(1.25, LineSpacingRule.AUTO);
			p.setKeepNext(i < lines.length - 1); // the 版记 stays on one page
			run(p, lines[i], FANGSONG, SIHAO, null, false);
		}
	}

	private static void thin(CTBorder border) {
		border.setVal(STBorder.SINGLE);
		border.setSz(BigInteger.valueOf(6));
		border.setSpace(BigInteger.valueOf(1));
		border.setColor("000000");
	}

	private static XWPFRun run(XWPFParagraph p, String text, String eastAsia, int size, String color, boolean bold) {
		XWPFRun run = p.createRun();
		if (!"\t".equals(text)) {
			run.setText(text);
		}
		fonts(run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr(), eastAsia);
		run.setFontSize(size);
		if (color != null) {
			run.setColor(color);
		}
		run.setBold(bold);
		return run;
	}

	private static void fonts(org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr rpr, String eastAsia) {
		CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
		fonts.setEastAsia(eastAsia);
		fonts.setAscii("Times New Roman");
		fonts.setHAnsi("Times New Roman");
		fonts.setHint(STHint.EAST_ASIA);
	}

	/**
	 * The font table Word reads to substitute a missing font: each Chinese font names the one every
	 * Windows has as its {@code altName} (方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体)
	 * with the GB2312 character set, so a machine without the office's fonts still prints the right
	 * kind of face. LibreOffice falls back through fontconfig instead.
	 */
	private static void fontTable(XWPFDocument doc) throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
		String[][] fonts = { //
				{ XIAOBIAOSONG, "宋体", "02000000000000000000", "roman" }, //
				{ FANGSONG, "仿宋", "02010609030101010101", "modern" }, //
				{ KAITI, "楷体", "02010609030101010101", "modern" }, //
				{ HEITI, "SimHei", "02010609060101010101", "modern" }, //
				{ SONGTI, "SimSun", "02010600030101010101", "auto" }, //
				{ "Times New Roman", null, "02020603050405020304", "roman" } };
		var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
			.append("<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
		for (String[] font : fonts) {
			xml.append("<w:font w:name=\"").append(font[0]).append("\">");
			if (font[1] != null) {
				xml.append("<w:altName w:val=\"").append(font[1]).append("\"/>");
			}
			xml.append("<w:panose1 w:val=\"").append(font[2]).append("\"/>");
			xml.append("<w:charset w:val=\"").append(font[1] == null ? "00" : "86").append("\"/>");
			xml.append("<w:family w:val=\"").append(font[3]).append("\"/>");
			xml.append("<w:pitch w:val=\"variable\"/></w:font>");
		}
		xml.append("</w:fonts>");
		var name = PackagingURIHelper.createPartName("/word/fontTable.xml");
		PackagePart part = doc.getPackage().createPart(name, "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
		try (OutputStream out = part.getOutputStream()) {
			out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
		}
		doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL,
				"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable");
	}
}
