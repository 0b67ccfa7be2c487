package org.baosong.registry;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import org.baosong.common.TextKeys;
import org.baosong.registry.RegistryColumns.Table;

/**
 * One table per CSV file. Export writes UTF-8 with a BOM, which Excel on a Chinese Windows opens
 * correctly; import accepts that, plain UTF-8, and the GB18030 (GBK) that Excel writes when an
 * office saves a sheet "as CSV".
 */
final class CsvCodec {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private CsvCodec() {
	}

	static RawTable read(Table table, byte[] bytes, List<ImportProblem> problems) {
		String text = decode(bytes);
		var rows = new ArrayList<RawTable.Row>();
		try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT)) {
			Map<Integer, RegistryColumns> header = null;
			var leading = new ArrayList<List<String>>();
			for (CSVRecord record : parser) {
				List<String> cells = record.stream().map(TextKeys::clean).toList();
				int lineNumber = (int) record.getRecordNumber();
				if (header == null) {
					leading.add(cells);
					header = HeaderMatcher.match(table, cells);
					if (header == null && leading.size() >= HeaderMatcher.SEARCH_ROWS) {
						break;
					}
					continue;
				}
				if (rows.size() >= XlsxCodec.MAX_ROWS) {
					problems.add(new ImportProblem(table.sheetName, 0, null, "行数超过 " + XlsxCodec.MAX_ROWS + "，不像是名录文件"));
					return new RawTable(table, List.of());
				}
				var map = new EnumMap<RegistryColumns, RawTable.Cell>(RegistryColumns.class);
				for (var column : header.entrySet()) {
					String value = column.getKey() < cells.size() ? cells.get(column.getKey()) : null;
					map.put(column.getValue(), new RawTable.Cell(value, null, HeaderMatcher.reference(column.getKey(), column.getValue())));
				}
				var row = new RawTable.Row(lineNumber, map);
				if (!row.isBlank()) {
					rows.add(row);
				}
			}
			if (header == null) {
				problems.add(new ImportProblem(table.sheetName, 0, null,
						"找不到表头，缺少列：" + String.join("、", HeaderMatcher.missingRequired(table, leading))));
			}
		}
		catch (IOException | RuntimeException ex) {
			problems.add(new ImportProblem(table.sheetName, 0, null, "不是可读取的 CSV 文件：" + ex.getMessage()));
		}
		return new RawTable(table, rows);
	}

	static String decode(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
			return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			return new String(bytes, GB18030);
		}
	}

	static void write(Table table, List<List<String>> rows, Writer out) throws IOException {
		out.write('\ufeff');
		var headers = table.columns().stream().map(RegistryColumns::header).toArray(String[]::new);
		// flushed, not closed: the writer belongs to the caller (an HTTP response, say)
		var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(headers).get());
		for (List<String> row : rows) {
			printer.printRecord(row);
		}
		printer.flush();
	}
}
