package org.baosong.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A sheet (or CSV file) as read, before any meaning is given to it: the rows under the header, each
 * cell keyed by the column it sits in, with the position a person needs to find it.
 */
record RawTable(RegistryColumns.Table table, List<Row> rows) {

	record Row(int number, Map<RegistryColumns, Cell> cells) {

		Cell cell(RegistryColumns column) {
			return cells.getOrDefault(column, Cell.EMPTY);
		}

		boolean isBlank() {
			return cells.values().stream().allMatch(c -> c.text() == null && c.date() == null);
		}
	}

	/**
	 * @param text      the cell as text, NFKC-normalized and trimmed, null when empty
	 * @param date      set when the spreadsheet stored a real date
	 * @param reference column letter and header, for messages
	 */
	record Cell(String text, LocalDate date, String reference) {

		static final Cell EMPTY = new Cell(null, null, null);
	}
}
