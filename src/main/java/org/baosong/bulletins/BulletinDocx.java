package org.baosong.bulletins;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;

import org.baosong.bulletins.BulletinContent.AlertRow;
import org.baosong.bulletins.BulletinContent.SequenceTable;
import org.baosong.bulletins.BulletinContent.UnitRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * A bulletin as a formal document from the template (ADR 0025): the template's masthead, title, salutation
 * and 版记 with their placeholders filled, and at {@code {{body}}}, per sequence, a heading, a summary, the
 * ranking chart and the ranking table; then the alerts (表扬, 通报批评, 约稿), and the notes on how the
 * scores were made, the normalisation when the profile converts scores. Text in 仿宋_GB2312 三号, headings in
 * 黑体, tables in 仿宋 五号, as GB/T 9704.
 */
final class BulletinDocx {

	static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String FANGSONG = "仿宋_GB2312", HEITI = "黑体", KAITI = "楷体_GB2312";

	static final int SANHAO = 16, WUHAO = 21; // 五号 is 10.5 pt: half-points

	/** The text block's width in twips (156 mm). */
	static final int TEXT_WIDTH = 8844;

	private static final String[] NUMERALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

	private static final String[] COLUMNS = { "名次", "单位", "收到", "退回", "受理", "采用", "批示", "上级采用", "得分", "完成率", "完成情况" };

	/** Column widths in twips (two characters of 五号 and the cell margins are 540); they add up to the text width. */
	private static final int[] WIDTHS = { 560, 2124, 560, 560, 560, 560, 560, 960, 640, 800, 960 };

	/** Left and right cell margins in twips (Word's default is 108). */
	private static final int CELL_MARGIN = 60;

	private final XWPFDocument doc;

	private final CTP marker;

	private BulletinDocx(XWPFDocument doc, CTP marker) {
		this.doc = doc;
		this.marker = marker;
	}

	static byte[] write(byte[] template, BulletinContent content, Edition edition) {
		var opened = BulletinTemplate.open(template);
		try (XWPFDocument doc = opened.doc()) {
			opened.substitute(fields(content, edition));
			var docx = new BulletinDocx(doc, opened.body());
			docx.body(content);
			BulletinTemplate.remove(opened.body());
			var out = new ByteArrayOutputStream();
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, String> fields(BulletinContent content, Edition edition) {
		var fields = new HashMap<String, String>();
		fields.put("title", Edition.title(content, edition.correction()));
		fields.put("office", content.office());
		fields.put("date", edition.chineseDate());
		fields.put("year", edition.year() == null ? String.valueOf(edition.date().getYear()) : String.valueOf(edition.year()));
		fields.put("issueNo", edition.draft() || edition.issueNo() == null ? "×" : String.valueOf(edition.issueNo()));
		fields.put("period", content.periodLabel());
		fields.put("start", content.start().format(Edition.CHINESE_DATE));
		fields.put("end", content.end().format(Edition.CHINESE_DATE));
		fields.put("draftMark", edition.draft() ? "草稿" : "");
		fields.put("basis", content.profileName());
		fields.put("units", String.valueOf(content.unitCount()));
		return fields;
	}

	private void body(BulletinContent content) {
		int section = 0;
		if (!content.closed()) {
			paragraph(KAITI, SANHAO, false, ParagraphAlignment.BOTH, true, "（本期尚未结算：工作指标完成情况和通报事项以结算后为准。）");
		}
		for (SequenceTable sequence : content.sequences()) {
			heading(numeral(section++) + "、" + sequence.name());
			paragraph(FANGSONG, SANHAO, false, ParagraphAlignment.BOTH, true, summary(sequence)).setKeepNext(true);
			RankingChart.of(sequence, content.periodLabel()).ifPresent(this::chart);
			table(sequence);
		}
		if (!content.alerts().isEmpty()) {
			heading(numeral(section++) + "、通报事项");
			int item = 0;
			for (var group : groups(content.alerts()).entrySet()) {
				paragraph(FANGSONG, SANHAO, false, ParagraphAlignment.BOTH, true,
						"（" + numeral(item++) + "）" + group.getKey() + "：" + String.join("、", group.getValue()) + "。");
			}
		}
		heading(numeral(section) + "、有关说明");
		var notes = new ArrayList<String>();
		for (SequenceTable sequence : content.sequences()) {
			notes.add(sequence.name() + "：" + (sequence.targets().isEmpty() ? "本期无工作指标" : sequence.targets()) + "。");
		}
		if (content.normalisation() != null) {
			notes.add(content.normalisation());
		}
		notes.add("各单位得分依据《" + content.profileName() + "》逐条计分，按序列排名，得分相同的名次并列。每一分均记入计分台账并注明计分规则和来源，"
				+ "各单位的得分明细见本通报附表（电子表格）“得分明细”，或向信息科查询。");
		for (String note : notes) {
			paragraph(FANGSONG, SANHAO, false, ParagraphAlignment.BOTH, true, note);
		}
	}

	/** 本序列共 12 个单位，完成指标 1 个，未完成 11 个；最高得分 39 分（越秀区）。 */
	static String summary(SequenceTable sequence) {
		var text = new StringBuilder("本序列共 ").append(sequence.rows().size()).append(" 个单位");
		long judged = sequence.rows().stream().filter(r -> r.met() != null).count();
		if (judged > 0) {
			text.append("，完成工作指标 ").append(sequence.metCount()).append(" 个，未完成 ").append(judged - sequence.metCount()).append(" 个");
		}
		if (!sequence.rows().isEmpty()) {
			UnitRow top = sequence.rows().get(0);
			List<String> first = sequence.rows().stream().filter(r -> r.rank() == 1).map(UnitRow::unitName).toList();
			String tops = first.size() <= 3 ? String.join("、", first) : first.size() + " 个单位并列";
			text.append("；最高得分 ").append(BulletinComputation.plain(top.points())).append(" 分（").append(tops).append("）");
			long accepted = sequence.rows().stream().mapToLong(UnitRow::accepted).sum();
			long adopted = sequence.rows().stream().mapToLong(UnitRow::adopted).sum();
			text.append("；共受理信息 ").append(accepted).append(" 条，采用 ").append(adopted).append(" 条");
		}
		return text.append("。").toString();
	}

	/** The alerts by what they say: 通报批评（未完成季度工作指标…） → 荔湾区、海珠区. Praise first. */
	static Map<String, List<String>> groups(List<AlertRow> alerts) {
		var groups = new LinkedHashMap<String, List<String>>();
		for (AlertRow a : alerts.stream().sorted(java.util.Comparator.comparing(a -> !a.praise())).toList()) {
			var commission = java.util.regex.Pattern.compile("(.*) (\\d+) 次").matcher(a.text());
			if (a.kind().startsWith("COMMISSION") && commission.matches()) {
				groups.computeIfAbsent(commission.group(1), k -> new ArrayList<>()).add(a.unitName() + " " + commission.group(2) + " 次");
			}
			else {
				groups.computeIfAbsent((a.praise() ? "表扬" : "通报批评") + "（" + a.text() + "）", k -> new ArrayList<>()).add(a.unitName());
			}
		}
		return groups;
	}

	private void heading(String text) {
		XWPFParagraph p = paragraph(HEITI, SANHAO, false, ParagraphAlignment.LEFT, true, text);
		p.setKeepNext(true);
	}

	private XWPFParagraph paragraph(String font, int size, boolean bold, ParagraphAlignment alignment, boolean indent, String text) {
		XWPFParagraph p = insertParagraph();
		p.setAlignment(alignment);
		p.setSpacingBetween(28, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
		if (indent) {
			var ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
			var ind = ppr.isSetInd() ? ppr.getInd() : ppr.addNewInd();
			ind.setFirstLineChars(BigInteger.valueOf(200));
			ind.setFirstLine(BigInteger.valueOf(size * 2 * 20L));
		}
		run(p, text, font, size, bold);
		return p;
	}

	private void chart(RankingChart.Png png) {
		XWPFParagraph p = insertParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		p.setKeepNext(true);
		int widthPx = png.width();
		int heightPx = png.height();
		double maxWidthPx = TEXT_WIDTH / 15.0; // twips to pixels at 96 dpi
		double scale = Math.min(1.0, maxWidthPx / widthPx);
		try {
			p.createRun().addPicture(new ByteArrayInputStream(png.bytes()), PictureType.PNG, "ranking.png",
					Units.pixelToEMU((int) Math.round(widthPx * scale)), Units.pixelToEMU((int) Math.round(heightPx * scale)));
		}
		catch (InvalidFormatException | IOException ex) {
			throw new IllegalStateException("cannot embed the ranking chart: " + ex.getMessage(), ex);
		}
	}

	private void table(SequenceTable sequence) {
		XWPFTable table;
		try (XmlCursor at = marker.newCursor()) {
			table = doc.insertNewTbl(at);
		}
		table.setTableAlignment(TableRowAlign.CENTER);
		var tblPr = table.getCTTbl().getTblPr();
		var width = tblPr.isSetTblW() ? tblPr.getTblW() : tblPr.addNewTblW();
		width.setType(STTblWidth.DXA);
		width.setW(BigInteger.valueOf(TEXT_WIDTH));
		var margins = tblPr.isSetTblCellMar() ? tblPr.getTblCellMar() : tblPr.addNewTblCellMar();
		for (var side : new org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth[] { margins.addNewLeft(), margins.addNewRight() }) {
			side.setType(STTblWidth.DXA);
			side.setW(BigInteger.valueOf(CELL_MARGIN));
		}
		XWPFTableRow header = table.getRow(0);
		for (int i = 1; i < COLUMNS.length; i++) {
			header.addNewTableCell();
		}
		header.setRepeatHeader(true);
		header.setCantSplitRow(true);
		for (int i = 0; i < COLUMNS.length; i++) {
			cell(header.getCell(i), COLUMNS[i], true, WIDTHS[i]);
		}
		for (UnitRow u : sequence.rows()) {
			XWPFTableRow row = table.createRow();
			row.setCantSplitRow(true);
			String[] values = { String.valueOf(u.rank()), u.unitName(), String.valueOf(u.received()), String.valueOf(u.rejected()),
					String.valueOf(u.accepted()), String.valueOf(u.adopted()), String.valueOf(u.instructions()),
					String.valueOf(u.upstreamAdoptions()), BulletinComputation.plain(u.points()),
					u.completion() == null ? "—" : BulletinComputation.plain(u.completion()) + "%",
					u.met() == null ? "—" : u.met() ? "完成" : "未完成" };
			for (int i = 0; i < values.length; i++) {
				cell(row.getCell(i), values[i], false, WIDTHS[i]);
			}
		}
		// a little air between the table and what follows
		paragraph(FANGSONG, SANHAO, false, ParagraphAlignment.LEFT, false, "");
	}

	private static void cell(XWPFTableCell cell, String text, boolean bold, int width) {
		cell.setWidth(String.valueOf(width));
		cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
		XWPFParagraph p = cell.getParagraphs().get(0);
		p.setAlignment(ParagraphAlignment.CENTER);
		p.setSpacingBefore(0);
		p.setSpacingAfter(0);
		run(p, text, bold ? HEITI : FANGSONG, WUHAO / 2.0, false);
	}

	private XWPFParagraph insertParagraph() {
		try (XmlCursor at = marker.newCursor()) {
			return doc.insertNewParagraph(at);
		}
	}

	private static void run(XWPFParagraph p, String text, String eastAsia, double size, boolean bold) {
		XWPFRun run = p.createRun();
		run.setText(text);
		CTRPr rpr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
		CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
		fonts.setEastAsia(eastAsia);
		fonts.setAscii("Times New Roman");
		fonts.setHAnsi("Times New Roman");
		fonts.setHint(STHint.EAST_ASIA);
		run.setFontSize(size);
		run.setBold(bold);
	}

	static String numeral(int index) {
		if (index < 10) {
			return NUMERALS[index];
		}
		int n = index + 1;
		return (n / 10 > 1 ? NUMERALS[n / 10 - 1] : "") + "十" + (n % 10 == 0 ? "" : NUMERALS[n % 10 - 1]);
	}
}
