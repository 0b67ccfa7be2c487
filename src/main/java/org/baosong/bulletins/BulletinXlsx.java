package org.baosong.bulletins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.baosong.bulletins.BulletinContent.AlertRow;
import org.baosong.bulletins.BulletinContent.Line;
import org.baosong.bulletins.BulletinContent.SequenceTable;
import org.baosong.bulletins.BulletinContent.UnitRow;

/**
 * A bulletin as a workbook: a sheet 说明 (what, when, how), one sheet per sequence (the table, one unit a row
 * by rank), 通报事项 (the alerts), 退回原因 (rejections per unit and reason) and 得分明细 (every unit's ledger
 * lines). Every sheet starts with a title row, a subtitle row and a header row (frozen); every count and
 * score is a number cell, never text, and there are no formulas. Written streaming (SXSSF): a quarter of
 * 500 units has tens of thousands of ledger lines.
 */
final class BulletinXlsx {

	private final SXSSFWorkbook book = new SXSSFWorkbook(200);

	private final CellStyle title;

	private final CellStyle header;

	private final CellStyle text;

	private final CellStyle count;

	private final CellStyle points;

	private final CellStyle percent;

	private final Set<String> sheetNames = new HashSet<>();

	private final UnaryOperator<String> reasonNames;

	private BulletinXlsx(UnaryOperator<String> reasonNames) {
		this.reasonNames = reasonNames;
		Font bold = book.createFont();
		bold.setBold(true);
		Font big = book.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 14);
		title = book.createCellStyle();
		title.setFont(big);
		header = book.createCellStyle();
		header.setFont(bold);
		header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		header.setAlignment(HorizontalAlignment.CENTER);
		header.setWrapText(true);
		borders(header);
		text = book.createCellStyle();
		borders(text);
		count = numberStyle("0");
		points = numberStyle("0.00");
		percent = numberStyle("0.0");
	}

	/** The workbook's bytes. */
	static byte[] write(BulletinContent content, Edition edition, UnaryOperator<String> reasonNames) {
		var xlsx = new BulletinXlsx(reasonNames);
		try {
			xlsx.about(content, edition);
			for (SequenceTable sequence : content.sequences()) {
				xlsx.sequence(content, sequence, edition);
			}
			xlsx.alerts(content, edition);
			xlsx.rejections(content, edition);
			xlsx.lines(content, edition);
			var out = new ByteArrayOutputStream();
			xlsx.book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			xlsx.book.dispose();
			try {
				xlsx.book.close();
			}
			catch (IOException ignored) {
				// nothing was written to a file
			}
		}
	}

	private void about(BulletinContent content, Edition edition) {
		Sheet sheet = sheet("说明");
		sheet.setColumnWidth(0, 18 * 256);
		sheet.setColumnWidth(1, 90 * 256);
		int r = 0;
		cell(sheet.createRow(r++), 0, Edition.title(content, edition.correction()), title);
		var rows = new ArrayList<String[]>();
		rows.add(new String[] { "期号", edition.issueLabel() });
		rows.add(new String[] { "印发单位", content.office() });
		rows.add(new String[] { "日期", edition.chineseDate() });
		rows.add(new String[] { "考核期", content.periodLabel() + "（" + content.start() + " 至 " + content.end() + "）" });
		rows.add(new String[] { "期末结算", content.closed() ? "已结算" : "未结算（指标与通报事项以结算后为准）" });
		rows.add(new String[] { "计分依据", content.profileName() });
		for (SequenceTable s : content.sequences()) {
			rows.add(new String[] { s.name(), s.targets().isEmpty() ? "本期无指标" : s.targets() });
		}
		if (content.normalisation() != null) {
			rows.add(new String[] { "折算方法", content.normalisation() });
		}
		rows.add(new String[] { "计分台账", "本通报据本期计分台账 " + content.ledgerLines() + " 行（合计 " + BulletinComputation.plain(content.ledgerPoints())
				+ " 分）计算，" + content.computedAt() + " 生成；每个单位的得分等于其在“得分明细”中各行之和" });
		for (String[] values : rows) {
			Row row = sheet.createRow(r++);
			cell(row, 0, values[0], header);
			cell(row, 1, values[1], text);
		}
	}

	private void sequence(BulletinContent content, SequenceTable sequence, Edition edition) {
		Sheet sheet = sheet(sequence.name());
		var columns = new ArrayList<String>(List.of("名次", "单位", "单位代码", "收到来信", "退回", "受理"));
		content.journals().forEach(j -> columns.add(j.name() + "采用"));
		columns.addAll(List.of("采用合计", "领导批示", "上级采用", "表彰", "批评扣分", "约稿逾期", "约稿未报", "得分", "指标", "完成率（%）", "完成情况"));
		int r = heading(sheet, Edition.title(content, edition.correction()) + " · " + sequence.name(),
				content.periodLabel() + "；" + (sequence.targets().isEmpty() ? "本期无指标" : sequence.targets())
						+ (content.normalisation() == null ? "" : "；" + content.normalisation()),
				columns);
		sheet.setColumnWidth(1, 24 * 256);
		for (UnitRow u : sequence.rows()) {
			Row row = sheet.createRow(r++);
			int c = 0;
			number(row, c++, u.rank(), count);
			cell(row, c++, u.unitName(), text);
			cell(row, c++, u.unitCode(), text);
			number(row, c++, u.received(), count);
			number(row, c++, u.rejected(), count);
			number(row, c++, u.accepted(), count);
			for (var journal : content.journals()) {
				number(row, c++, u.adoptionsIn(journal.code()), count);
			}
			number(row, c++, u.adopted(), count);
			number(row, c++, u.instructions(), count);
			number(row, c++, u.upstreamAdoptions(), count);
			number(row, c++, u.marks(), count);
			number(row, c++, u.penalties(), count);
			number(row, c++, u.commissionsLate(), count);
			number(row, c++, u.commissionsMissing(), count);
			decimal(row, c++, u.points(), points);
			decimal(row, c++, u.target(), "SCORE".equals(u.targetMeasure()) ? points : count);
			decimal(row, c++, u.completion(), percent);
			cell(row, c++, u.met() == null ? "—" : u.met() ? "完成" : "未完成", text);
		}
	}

	private void alerts(BulletinContent content, Edition edition) {
		Sheet sheet = sheet("通报事项");
		int r = heading(sheet, Edition.title(content, edition.correction()) + " · 通报事项", content.periodLabel(),
				List.of("序列", "单位", "类别", "性质", "事项"));
		sheet.setColumnWidth(1, 24 * 256);
		sheet.setColumnWidth(4, 70 * 256);
		for (AlertRow a : content.alerts()) {
			Row row = sheet.createRow(r++);
			cell(row, 0, sequenceName(content, a.sequenceCode()), text);
			cell(row, 1, a.unitName(), text);
			cell(row, 2, a.kind(), text);
			cell(row, 3, a.praise() ? "表扬" : "批评", text);
			cell(row, 4, a.text(), text);
		}
	}

	private void rejections(BulletinContent content, Edition edition) {
		Sheet sheet = sheet("退回原因");
		int r = heading(sheet, Edition.title(content, edition.correction()) + " · 退回原因", content.periodLabel() + "；一封来信可有几条原因",
				List.of("序列", "单位", "原因代码", "原因", "次数"));
		sheet.setColumnWidth(1, 24 * 256);
		sheet.setColumnWidth(2, 26 * 256);
		sheet.setColumnWidth(3, 30 * 256);
		for (SequenceTable s : content.sequences()) {
			for (UnitRow u : s.rows()) {
				for (var reason : u.rejectedByReason().entrySet()) {
					Row row = sheet.createRow(r++);
					cell(row, 0, s.name(), text);
					cell(row, 1, u.unitName(), text);
					cell(row, 2, reason.getKey(), text);
					cell(row, 3, reasonNames.apply(reason.getKey()), text);
					number(row, 4, reason.getValue(), count);
				}
			}
		}
	}

	private void lines(BulletinContent content, Edition edition) {
		Sheet sheet = sheet("得分明细");
		int r = heading(sheet, Edition.title(content, edition.correction()) + " · 得分明细",
				content.periodLabel() + "；计分台账逐行列出，撤销行与被撤销行均保留（合计为零），各单位各行之和即其得分",
				List.of("序列", "单位", "台账行号", "月份", "分值", "计分规则", "事件", "说明", "撤销行号", "已被撤销"));
		sheet.setColumnWidth(1, 24 * 256);
		sheet.setColumnWidth(5, 26 * 256);
		sheet.setColumnWidth(7, 70 * 256);
		for (SequenceTable s : content.sequences()) {
			for (UnitRow u : s.rows()) {
				for (Line l : u.lines()) {
					Row row = sheet.createRow(r++);
					cell(row, 0, s.name(), text);
					cell(row, 1, u.unitName(), text);
					number(row, 2, l.id(), count);
					cell(row, 3, l.month(), text);
					decimal(row, 4, l.points(), points);
					cell(row, 5, l.ruleId(), text);
					cell(row, 6, l.eventKind(), text);
					cell(row, 7, l.explanation(), text);
					if (l.reversesId() != null) {
						number(row, 8, l.reversesId(), count);
					}
					cell(row, 9, l.reversed() ? "是" : "", text);
				}
			}
		}
	}

	/** Title, subtitle and the header row (frozen below it); returns the first data row. */
	private int heading(Sheet sheet, String titleText, String subtitle, List<String> columns) {
		cell(sheet.createRow(0), 0, titleText, title);
		cell(sheet.createRow(1), 0, subtitle, null);
		if (columns.size() > 1) {
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns.size() - 1));
		}
		Row row = sheet.createRow(2);
		for (int i = 0; i < columns.size(); i++) {
			cell(row, i, columns.get(i), header);
			if (i != 1) {
				sheet.setColumnWidth(i, Math.max(8, Math.min(16, columns.get(i).length() * 2 + 2)) * 256);
			}
		}
		sheet.createFreezePane(0, 3);
		return 3;
	}

	private Sheet sheet(String wanted) {
		String name = WorkbookUtil.createSafeSheetName(wanted);
		String unique = name;
		for (int i = 2; !sheetNames.add(unique); i++) {
			String suffix = "(" + i + ")";
			unique = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
		}
		return book.createSheet(unique);
	}

	private static String sequenceName(BulletinContent content, String code) {
		return content.sequences().stream().filter(s -> s.code().equals(code)).map(SequenceTable::name).findFirst().orElse(code);
	}

	private static void cell(Row row, int column, String value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(value == null ? "" : value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	private static void number(Row row, int column, long value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private void decimal(Row row, int column, BigDecimal value, CellStyle style) {
		var cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
		cell.setCellStyle(value == null ? text : style);
	}

	private CellStyle numberStyle(String format) {
		CellStyle style = book.createCellStyle();
		style.setDataFormat(book.createDataFormat().getFormat(format));
		borders(style);
		return style;
	}

	private static void borders(CellStyle style) {
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
	}
}
