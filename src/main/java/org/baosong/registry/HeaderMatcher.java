package org.baosong.registry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.baosong.registry.RegistryColumns.Table;

/**
 * Finds the header row of a sheet: forms carry a title line or two above it ("XX区政务信息员统计表",
 * "注：此表于...前反馈"), so the first of the leading rows that names every required column wins.
 */
final class HeaderMatcher {

	static final int SEARCH_ROWS = 6;

	private HeaderMatcher() {
	}

	/** Column index to column, or null when this row is not a header row for the table. */
	static Map<Integer, RegistryColumns> match(Table table, List<String> cells) {
		var found = new java.util.LinkedHashMap<Integer, RegistryColumns>();
		for (int i = 0; i < cells.size(); i++) {
			String text = cells.get(i);
			if (text == null) {
				continue;
			}
			int index = i;
			table.columnFor(text).filter(c -> !found.containsValue(c)).ifPresent(c -> found.put(index, c));
		}
		boolean allRequired = table.columns().stream().filter(c -> c.required).allMatch(found::containsValue);
		return allRequired ? found : null;
	}

	static List<String> missingRequired(Table table, List<List<String>> leadingRows) {
		var best = new EnumMap<RegistryColumns, Boolean>(RegistryColumns.class);
		for (var row : leadingRows) {
			for (String cell : row) {
				if (cell != null) {
					table.columnFor(cell).ifPresent(c -> best.put(c, true));
				}
			}
		}
		var missing = new ArrayList<String>();
		table.columns().stream().filter(c -> c.required && !best.containsKey(c)).forEach(c -> missing.add(c.header()));
		return missing;
	}

	static String columnLetter(int index) {
		var letters = new StringBuilder();
		for (int i = index; i >= 0; i = i / 26 - 1) {
			letters.insert(0, (char) ('A' + i % 26));
		}
		return letters.toString();
	}

	static String reference(int index, RegistryColumns column) {
		return columnLetter(index) + "列（" + column.header() + "）";
	}
}
