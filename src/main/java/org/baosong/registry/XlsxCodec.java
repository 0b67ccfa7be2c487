package org.baosong.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.baosong.common.TextKeys;
import org.baosong.registry.RegistryColumns.Table;

/** Reads and writes the registry workbook: a sheet 单位 and a sheet 信息员 (the 信息员统计表). */
final class XlsxCodec {

	/** A registry is hundreds of rows; a sheet with far more is not a registry and is refused. */
	static final int MAX_ROWS = 20_000;

	private static final String TITLE = "政务信息员统计表";

	private XlsxCodec() {
	}

	/** The tables found in the workbook, by kind; problems go to {@code problems}. */
	static Map<Table, RawTable> read(InputStream in, List<ImportProblem> problems) {
		var tables = new EnumMap<Table, RawTable>(Table.class);
		try (Workbook workbook = new XSSFWorkbook(in)) {
			var formatter = new DataFormatter();
			for (Sheet sheet : workbook) {
				Optional<Table> kind = kindOf(sheet, formatter);
				if (kind.isEmpty() || tables.containsKey(kind.get())) {
					continue;
				}
				tables.put(kind.get(), readSheet(kind.get(), sheet, formatter, problems));
			}
		}
		catch (IOException | RuntimeException ex) {
			problems.add(new ImportProblem("文件", 0, null, "不是可读取的 Excel（.xlsx）文件：" + ex.getMessage()));
			return tables;
		}
		if (tables.isEmpty() && problems.isEmpty()) {
			problems.add(new ImportProblem("文件", 0, null, "没有找到“单位”或“信息员”工作表（需要表头："
					+ String.join("、", HeaderMatcher.missingRequired(Table.INFORMANTS, List.of())) + "）"));
		}
		return tables;
	}

	private static Optional<Table> kindOf(Sheet sheet, DataFormatter formatter) {
		String name = TextKeys.nameKey(sheet.getSheetName());
		if (name.contains("信息员")) {
			return Optional.of(Table.INFORMANTS);
		}
		if (name.equals("单位") || name.contains("单位名录")) {
			return Optional.of(Table.UNITS);
		}
		for (Table table : Table.values()) {
			for (int r = 0; r < HeaderMatcher.SEARCH_ROWS; r++) {
				if (HeaderMatcher.match(table, texts(sheet.getRow(r), formatter)) != null) {
					return Optional.of(table);
				}
			}
		}
		return Optional.empty();
	}

	private static RawTable readSheet(Table table, Sheet sheet, DataFormatter formatter, List<ImportProblem> problems) {
		Map<Integer, RegistryColumns> header = null;
		int headerRow = -1;
		var leading = new ArrayList<List<String>>();
		for (int r = 0; r < HeaderMatcher.SEARCH_ROWS && header == null; r++) {
			List<String> texts = texts(sheet.getRow(r), formatter);
			leading.add(texts);
			header = HeaderMatcher.match(table, texts);
			headerRow = r;
		}
		if (header == null) {
			problems.add(new ImportProblem(table.sheetName, 0, null,
					"找不到表头，缺少列：" + String.join("、", HeaderMatcher.missingRequired(table, leading))));
			return new RawTable(table, List.of());
		}
		if (sheet.getLastRowNum() - headerRow > MAX_ROWS) {
			problems.add(new ImportProblem(table.sheetName, 0, null, "行数超过 " + MAX_ROWS + "，不像是名录文件"));
			return new RawTable(table, List.of());
		}
		var rows = new ArrayList<RawTable.Row>();
		for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			var cells = new EnumMap<RegistryColumns, RawTable.Cell>(RegistryColumns.class);
			for (var column : header.entrySet()) {
				cells.put(column.getValue(), cell(row.getCell(column.getKey()), formatter,
						HeaderMatcher.reference(column.getKey(), column.getValue())));
			}
			var raw = new RawTable.Row(r + 1, cells);
			if (!raw.isBlank()) {
				rows.add(raw);
			}
		}
		return new RawTable(table, rows);
	}

	private static RawTable.Cell cell(Cell cell, DataFormatter formatter, String reference) {
		if (cell == null) {
			return new RawTable.Cell(null, null, reference);
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			LocalDate date = cell.getLocalDateTimeCellValue().toLocalDate();
			return new RawTable.Cell(date.toString(), date, reference);
		}
		if (type == CellType.NUMERIC) {
			// Phone numbers typed into Excel become numbers; keep every digit, never 1.38E+10.
			return new RawTable.Cell(BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString(), null,
					reference);
		}
		return new RawTable.Cell(TextKeys.clean(formatter.formatCellValue(cell)), null, reference);
	}

	private static List<String> texts(Row row, DataFormatter formatter) {
		var texts = new ArrayList<String>();
		if (row == null) {
			return texts;
		}
		for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
			Cell cell = row.getCell(c);
			texts.add(cell == null ? null : TextKeys.clean(formatter.formatCellValue(cell)));
		}
		return texts;
	}

	static void write(List<List<String>> units, List<List<String>> informants, OutputStream out) throws IOException {
		try (var workbook = new XSSFWorkbook()) {
			var headerStyle = workbook.createCellStyle();
			var bold = workbook.createFont();
			bold.setBold(true);
			headerStyle.setFont(bold);
			var titleStyle = workbook.createCellStyle();
			var titleFont = workbook.createFont();
			titleFont.setBold(true);
			titleFont.setFontHeightInPoints((short) 16);
			titleStyle.setFont(titleFont);

			Sheet unitSheet = workbook.createSheet(Table.UNITS.sheetName);
			writeRows(unitSheet, 0, Table.UNITS, units, headerStyle);

			Sheet informantSheet = workbook.createSheet(Table.INFORMANTS.sheetName);
			Cell title = informantSheet.createRow(0).createCell(0);
			title.setCellValue(TITLE);
			title.setCellStyle(titleStyle);
			informantSheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Table.INFORMANTS.columns().size() - 1));
			writeRows(informantSheet, 1, Table.INFORMANTS, informants, headerStyle);
			workbook.write(out);
		}
	}

	private static void writeRows(Sheet sheet, int headerRow, Table table, List<List<String>> rows,
			org.apache.poi.ss.usermodel.CellStyle headerStyle) {
		var columns = table.columns();
		Row header = sheet.createRow(headerRow);
		for (int c = 0; c < columns.size(); c++) {
			Cell cell = header.createCell(c);
			cell.setCellValue(columns.get(c).header());
			cell.setCellStyle(headerStyle);
		}
		for (int r = 0; r < rows.size(); r++) {
			Row row = sheet.createRow(headerRow + 1 + r);
			List<String> values = rows.get(r);
			for (int c = 0; c < values.size(); c++) {
				if (values.get(c) != null) {
					// Everything as text: codes with leading zeros and phone numbers must survive Excel.
					row.createCell(c, CellType.STRING).setCellValue(values.get(c));
				}
			}
		}
		for (int c = 0; c < columns.size(); c++) {
			sheet.setColumnWidth(c, 256 * Math.max(8, columns.get(c).header().length() * 2 + 4) * (c == 0 ? 1 : 2));
		}
		sheet.createFreezePane(0, headerRow + 1);
	}
}
