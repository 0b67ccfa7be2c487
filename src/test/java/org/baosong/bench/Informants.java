package org.baosong.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The demo registry's active informants (config/demo), as the workloads send from them: each mail comes
 * from a registered address and names that informant's unit in its subject, so that it is ACCEPTED.
 */
final class Informants {

	/**
	 * @param address  the registered address
	 * @param unit     the unit as the subject names it (its short name, else its name)
	 * @param unitName the unit's full name, for the 落款
	 * @param reporter the informant (报送人)
	 * @param phone    the informant's phone
	 */
	record Informant(String address, String unit, String unitName, String reporter, String phone) {
	}

	private Informants() {
	}

	/** Read from {@code dir}/units.csv and informants.csv (the demo registry's files). */
	static List<Informant> load(Path dir) {
		try {
			var shortNames = new HashMap<String, String>();
			for (String[] unit : rows(dir.resolve("units.csv"))) {
				// 代码,单位名称,简称,别名,序列,上级单位,排序,状态
				if (unit[7].equals("在用")) {
					shortNames.put(unit[1], unit[2].isBlank() ? unit[1] : unit[2]);
				}
			}
			var out = new ArrayList<Informant>();
			for (String[] row : rows(dir.resolve("informants.csv"))) {
				// 序号,单位,姓名,职务,联系电话,电子邮箱,登记日期,状态,备注
				if (row[7].equals("在用") && shortNames.containsKey(row[1])) {
					out.add(new Informant(row[5], shortNames.get(row[1]), row[1], row[2], row[4]));
				}
			}
			if (out.isEmpty()) {
				throw new IllegalStateException("no active informant in " + dir);
			}
			return List.copyOf(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The data rows of a simple CSV file (no quoted commas in the demo files), BOM and header dropped. */
	private static List<String[]> rows(Path file) throws IOException {
		var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		var out = new ArrayList<String[]>();
		for (String line : lines.subList(1, lines.size())) {
			if (!line.isBlank()) {
				out.add(line.split(",", -1));
			}
		}
		return out;
	}
}
