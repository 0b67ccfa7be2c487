package org.baosong.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.jdbc.core.JdbcTemplate;

/** Test helpers: reset the registry to the shipped demo data, and build workbooks cell by cell. */
final class RegistryFixtures {

	private RegistryFixtures() {
	}

	static void resetToDemo(JdbcTemplate jdbc, RegistryExchange exchange) throws IOException {
		for (String table : List.of("informant_address", "informant", "unit_alias")) {
			jdbc.update("DELETE FROM " + table);
		}
		jdbc.update("UPDATE unit SET parent_unit_id = NULL");
		jdbc.update("DELETE FROM unit");
		exchange.importCsv(Files.readAllBytes(Path.of("config/demo/units.csv")),
				Files.readAllBytes(Path.of("config/demo/informants.csv")));
	}

	/** A workbook with one sheet: a title line like the paper form, then the header, then the rows. */
	static byte[] informantWorkbook(List<List<String>> rows) throws IOException {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("信息员统计表");
			sheet.createRow(0).createCell(0).setCellValue("XX区政务信息员统计表");
			fill(sheet.createRow(1), List.of("序号", "单位", "姓名", "职务", "联系电话", "电子邮箱", "备注"));
			for (int i = 0; i < rows.size(); i++) {
				fill(sheet.createRow(2 + i), rows.get(i));
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static void fill(Row row, List<String> values) {
		for (int c = 0; c < values.size(); c++) {
			if (values.get(c) != null) {
				row.createCell(c).setCellValue(values.get(c));
			}
		}
	}

	/** Opens an exported workbook, applies an edit, and returns the edited bytes. */
	static byte[] edit(byte[] xlsx, java.util.function.Consumer<XSSFWorkbook> change) throws IOException {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); var out = new ByteArrayOutputStream()) {
			change.accept(workbook);
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
