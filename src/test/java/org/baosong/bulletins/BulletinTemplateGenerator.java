package org.baosong.bulletins;

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
 * Writes the shipped bulletin template {@code config/templates/docs/bulletin.docx}: a 通报 after GB/T
 * 9704-2012 (A4, 37/35/28/26 mm margins), the red masthead 政务信息工作通报 with 第N期, the office and the
 * date above a red rule, the title, the salutation and the opening sentence, the {@code {{body}}} paragraph
 * where the tables, charts and alerts go, the closing request, the office and date, and the 抄送 line. Run it
 * with {@code scripts/bulletin-template}; an office replaces the file with its own (ADR 0025).
 */
public final class BulletinTemplateGenerator {

	static final Path SHIPPED = Path.of("config", "templates", "docs", "bulletin.docx");

	static final int XIAOCHU = 36, ERHAO = 22, SANHAO = 16, SIHAO = 14;

	static final String XIAOBIAOSONG = "方正小标宋简体", FANGSONG = "仿宋_GB2312", KAITI = "楷体_GB2312", HEITI = "黑体", SONGTI = "宋体";

	static final String RED = "FF0000";

	static final int TEXT_WIDTH = 8844;

	private BulletinTemplateGenerator() {
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
			opening(doc);
			doc.createParagraph().createRun().setText("{{body}}");
			closing(doc);
			copies(doc);
			fontTable(doc);
			doc.getProperties().getCoreProperties().setTitle("政务信息工作通报模板");
			doc.getProperties().getCoreProperties().setCreator("Baosong");
			doc.write(out);
		}
	}

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
	}

	private static void header(XWPFDocument doc) {
		var header = doc.createHeader(HeaderFooterType.DEFAULT);
		XWPFParagraph p = header.createParagraph();
		p.setAlignment(ParagraphAlignment.RIGHT);
		run(p, "{{draftMark}}", HEITI, SANHAO, RED);
	}

	private static void footer(XWPFDocument doc) {
		var footer = doc.createFooter(HeaderFooterType.DEFAULT);
		XWPFParagraph p = footer.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		run(p, "— ", SONGTI, SIHAO, null);
		var field = p.getCTP().addNewFldSimple();
		field.setInstr("PAGE");
		var r = field.addNewR();
		fonts(r.addNewRPr(), SONGTI);
		r.getRPr().addNewSz().setVal(BigInteger.valueOf(SIHAO * 2L));
		r.addNewT().setStringValue("1");
		run(p, " —", SONGTI, SIHAO, null);
	}

	/** 政务信息工作通报 in red, 第N期, the office on the left and the date on the right above a red rule. */
	private static void masthead(XWPFDocument doc) {
		XWPFParagraph name = doc.createParagraph();
		name.setAlignment(ParagraphAlignment.CENTER);
		name.setSpacingBefore(240);
		name.setSpacingAfter(120);
		run(name, "政务信息工作通报", XIAOBIAOSONG, XIAOCHU, RED).setCharacterSpacing(40);

		XWPFParagraph number = doc.createParagraph();
		number.setAlignment(ParagraphAlignment.CENTER);
		number.setSpacingAfter(240);
		run(number, "{{year}}年第{{issueNo}}期", FANGSONG, SANHAO, null);

		XWPFParagraph office = doc.createParagraph();
		office.setSpacingAfter(480);
		CTPPr ppr = office.getCTP().isSetPPr() ? office.getCTP().getPPr() : office.getCTP().addNewPPr();
		var tab = ppr.addNewTabs().addNewTab();
		tab.setVal(STTabJc.RIGHT);
		tab.setPos(BigInteger.valueOf(TEXT_WIDTH));
		CTBorder rule = ppr.addNewPBdr().addNewBottom();
		rule.setVal(STBorder.SINGLE);
		rule.setSz(BigInteger.valueOf(18));
		rule.setSpace(BigInteger.valueOf(4));
		rule.setColor(RED);
		run(office, "{{office}}", FANGSONG, SANHAO, null);
		run(office, "\t", FANGSONG, SANHAO, null).addTab();
		run(office, "{{date}}", FANGSONG, SANHAO, null);
	}

	private static void opening(XWPFDocument doc) {
		XWPFParagraph title = doc.createParagraph();
		title.setAlignment(ParagraphAlignment.CENTER);
		title.setSpacingAfter(360);
		title.setSpacingBetween(1.0, LineSpacingRule.AUTO);
		run(title, "关于{{period}}政务信息报送采用情况的通报", XIAOBIAOSONG, ERHAO, null);

		text(doc, "各区人民政府，市政府各部门、各直属机构：", false);
		text(doc, "根据《{{basis}}》，现将{{period}}（{{start}}至{{end}}）各单位政务信息报送、采用和计分情况通报如下：", true);
	}

	private static void closing(XWPFDocument doc) {
		text(doc, "请各单位对照通报，认真总结，查找差距，进一步做好政务信息报送工作。对通报数据有疑问的，请在通报印发后五个工作日内与信息科核对。", true);
		XWPFParagraph office = doc.createParagraph();
		office.setAlignment(ParagraphAlignment.RIGHT);
		office.setSpacingBefore(480);
		CTPPr ppr = office.getCTP().isSetPPr() ? office.getCTP().getPPr() : office.getCTP().addNewPPr();
		var ind = ppr.addNewInd();
		ind.setRightChars(BigInteger.valueOf(400));
		ind.setRight(BigInteger.valueOf(1280));
		run(office, "{{office}}", FANGSONG, SANHAO, null);
		XWPFParagraph date = doc.createParagraph();
		date.setAlignment(ParagraphAlignment.RIGHT);
		CTPPr dppr = date.getCTP().isSetPPr() ? date.getCTP().getPPr() : date.getCTP().addNewPPr();
		var dind = dppr.addNewInd();
		dind.setRightChars(BigInteger.valueOf(400));
		dind.setRight(BigInteger.valueOf(1280));
		run(date, "{{date}}", FANGSONG, SANHAO, null);
	}

	/** The 版记: 抄送 between two thin rules (the office's own line; it edits it in the template). */
	private static void copies(XWPFDocument doc) {
		XWPFParagraph gap = doc.createParagraph();
		gap.setSpacingBefore(480);
		gap.setKeepNext(true);
		String[] lines = { "抄送：市委办公厅，市人大常委会办公厅，市政协办公厅。", "{{office}}\t{{date}}印发" };
		for (int i = 0; i < lines.length; i++) {
			XWPFParagraph p = doc.createParagraph();
			CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
			var ind = ppr.addNewInd();
			ind.setLeftChars(BigInteger.valueOf(100));
			ind.setLeft(BigInteger.valueOf(280));
			ind.setRightChars(BigInteger.valueOf(100));
			ind.setRight(BigInteger.valueOf(280));
			var tab = ppr.addNewTabs().addNewTab();
			tab.setVal(STTabJc.RIGHT);
			tab.setPos(BigInteger.valueOf(TEXT_WIDTH - 560));
			var borders = ppr.addNewPBdr();
			if (i == 0) {
				thin(borders.addNewTop());
			}
			thin(borders.addNewBottom());
			p.setSpacingBetween(1.25, LineSpacingRule.AUTO);
			p.setKeepNext(i < lines.length - 1);
			String[] parts = lines[i].split("\t", -1);
			for (int k = 0; k < parts.length; k++) {
				if (k > 0) {
					run(p, "\t", FANGSONG, SIHAO, null).addTab();
				}
				run(p, parts[k], FANGSONG, SIHAO, null);
			}
		}
	}

	private static void text(XWPFDocument doc, String text, boolean indent) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.BOTH);
		p.setSpacingBetween(28, LineSpacingRule.EXACT);
		if (indent) {
			CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
			var ind = ppr.addNewInd();
			ind.setFirstLineChars(BigInteger.valueOf(200));
			ind.setFirstLine(BigInteger.valueOf(SANHAO * 2 * 20L));
		}
		run(p, text, FANGSONG, SANHAO, null);
	}

	private static void thin(CTBorder border) {
		border.setVal(STBorder.SINGLE);
		border.setSz(BigInteger.valueOf(6));
		border.setSpace(BigInteger.valueOf(1));
		border.setColor("000000");
	}

	private static XWPFRun run(XWPFParagraph p, String text, String eastAsia, int size, String color) {
		XWPFRun run = p.createRun();
		if (!"\t".equals(text)) {
			run.setText(text);
		}
		fonts(run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr(), eastAsia);
		run.setFontSize(size);
		if (color != null) {
			run.setColor(color);
		}
		return run;
	}

	private static void fonts(org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr rpr, String eastAsia) {
		CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
		fonts.setEastAsia(eastAsia);
		fonts.setAscii("Times New Roman");
		fonts.setHAnsi("Times New Roman");
		fonts.setHint(STHint.EAST_ASIA);
	}

	/** As in the issue template (ADR 0019): each Chinese font names the one every Windows has as its altName. */
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
