package org.baosong.registry;

import static org.baosong.registry.RegistryColumns.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.baosong.common.TextKeys;
import org.baosong.profile.Sequence;
import org.baosong.registry.RawTable.Cell;
import org.baosong.registry.RawTable.Row;
import org.baosong.registry.RegistrySnapshot.InformantEntry;
import org.baosong.registry.RegistrySnapshot.UnitEntry;

/**
 * Gives the raw tables their meaning and checks them against each other, the profile's sequences and
 * the registry as it stands. Every problem is collected; the caller writes nothing unless there are none.
 */
final class SnapshotParser {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|(0\\d{2,3}-?)?\\d{7,8}(-\\d{1,6})?");

	private static final Pattern LIST_SEPARATORS = Pattern.compile("[、;；,，/\\s]+");

	private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
			DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
			DateTimeFormatter.ofPattern("uuuu年M月d日"), DateTimeFormatter.ofPattern("uuuuMMdd"));

	private final List<Sequence> sequences;

	private final RegistrySnapshot current;

	private final List<ImportProblem> problems;

	SnapshotParser(List<Sequence> sequences, RegistrySnapshot current, List<ImportProblem> problems) {
		this.sequences = sequences;
		this.current = current;
		this.problems = problems;
	}

	/** Units of the file, or the current ones when the file has no unit sheet (they are then left as they are). */
	List<UnitEntry> units(RawTable table) {
		var units = new ArrayList<UnitEntry>();
		var codes = new HashMap<String, Integer>();
		var keys = new HashMap<String, KeyOwner>();
		var parentTexts = new ArrayList<String>();
		var rows = table.rows();
		for (int index = 0; index < rows.size(); index++) {
			Row row = rows.get(index);
			String code = required(table, row, UNIT_CODE, "单位代码");
			if (code != null && !CODE.matcher(code).matches()) {
				problem(table, row, UNIT_CODE, "单位代码「" + code + "」只能由字母、数字、- 和 _ 组成，最长32位");
			}
			else if (code != null && codes.putIfAbsent(code, row.number()) != null) {
				problem(table, row, UNIT_CODE, "单位代码「" + code + "」与第" + codes.get(code) + "行重复");
			}
			String name = maxLength(table, row, UNIT_NAME, required(table, row, UNIT_NAME, "单位名称"), 100);
			String shortName = maxLength(table, row, UNIT_SHORT_NAME, text(row, UNIT_SHORT_NAME), 50);
			List<String> aliases = list(row, UNIT_ALIASES);
			aliases.forEach(alias -> maxLength(table, row, UNIT_ALIASES, alias, 100));
			String sequence = sequence(table, row);
			Integer sort = integer(table, row, UNIT_SORT);
			boolean active = status(table, row, UNIT_STATUS);
			// names, short names and aliases share one key space: a subject naming it must find one unit
			for (var candidate : namesOf(name, shortName, aliases)) {
				KeyOwner owner = keys.putIfAbsent(TextKeys.nameKey(candidate.text()), new KeyOwner(code, row.number()));
				if (owner != null && !owner.code().equals(code)) {
					problem(table, row, candidate.column(), "「" + candidate.text() + "」已是第" + owner.row() + "行单位的名称、简称或别名");
				}
			}
			parentTexts.add(text(row, UNIT_PARENT));
			units.add(new UnitEntry(code, name, shortName, aliases, sequence, null, sort == null ? index + 1 : sort, active));
		}
		checkAgainstRetiredUnits(table, rows, keys, codes);
		return resolveParents(table, units, parentTexts);
	}

	private void checkAgainstRetiredUnits(RawTable table, List<Row> rows, Map<String, KeyOwner> keys, Map<String, Integer> codes) {
		// Units missing from the file are deactivated, not deleted: they keep their names, which a new unit cannot take.
		for (UnitEntry retired : current.units()) {
			if (codes.containsKey(retired.code())) {
				continue;
			}
			var reportedRows = new java.util.HashSet<Integer>();
			for (var candidate : namesOf(retired.name(), retired.shortName(), retired.aliases())) {
				KeyOwner owner = keys.get(TextKeys.nameKey(candidate.text()));
				if (owner != null && reportedRows.add(owner.row())) {
					Row row = rows.stream().filter(r -> r.number() == owner.row()).findFirst().orElseThrow();
					problem(table, row, UNIT_NAME, "「" + candidate.text() + "」属于名录中的单位 " + retired.code() + "（"
							+ retired.name() + "），该代码不在本文件中；请沿用其代码，或为新单位另起名称");
				}
			}
		}
	}

	private List<UnitEntry> resolveParents(RawTable table, List<UnitEntry> units, List<String> parentTexts) {
		var resolved = new ArrayList<UnitEntry>(units.size());
		for (int i = 0; i < units.size(); i++) {
			UnitEntry unit = units.get(i);
			String parentText = parentTexts.get(i);
			String parentCode = null;
			if (parentText != null) {
				Row row = table.rows().get(i);
				Optional<UnitEntry> parent = find(units, parentText);
				if (parent.isEmpty()) {
					problem(table, row, UNIT_PARENT, "上级单位「" + parentText + "」不在本表中");
				}
				else if (parent.get().code() != null && parent.get().code().equals(unit.code())) {
					problem(table, row, UNIT_PARENT, "单位不能是自己的上级单位");
				}
				else {
					parentCode = parent.get().code();
				}
			}
			resolved.add(new UnitEntry(unit.code(), unit.name(), unit.shortName(), unit.aliases(), unit.sequenceCode(),
					parentCode, unit.sortOrder(), unit.active()));
		}
		return resolved;
	}

	List<InformantEntry> informants(RawTable table, List<UnitEntry> units) {
		var informants = new ArrayList<InformantEntry>();
		var addressRows = new HashMap<String, Integer>();
		var nameRows = new HashMap<String, Integer>();
		for (Row row : table.rows()) {
			String unitText = required(table, row, INF_UNIT, "单位");
			String unitCode = null;
			if (unitText != null) {
				Optional<UnitEntry> unit = find(units, unitText);
				if (unit.isEmpty()) {
					problem(table, row, INF_UNIT, "单位「" + unitText + "」不在单位名录中（请先在“单位”表中登记，或核对名称）");
				}
				else {
					unitCode = unit.get().code();
				}
			}
			String name = maxLength(table, row, INF_NAME, required(table, row, INF_NAME, "姓名"), 50);
			if (unitCode != null && name != null) {
				Integer earlier = nameRows.putIfAbsent(unitCode + "\u0000" + name, row.number());
				if (earlier != null) {
					problem(table, row, INF_NAME, "同一单位的信息员「" + name + "」与第" + earlier + "行重复");
				}
			}
			String title = maxLength(table, row, INF_TITLE, text(row, INF_TITLE), 100);
			String phone = phone(table, row);
			List<String> addresses = addresses(table, row, addressRows);
			LocalDate registered = date(table, row, INF_REGISTERED);
			boolean active = status(table, row, INF_STATUS);
			String note = maxLength(table, row, INF_NOTE, text(row, INF_NOTE), 500);
			informants.add(new InformantEntry(unitCode, name, title, phone, addresses, registered, active, note));
		}
		return informants;
	}

	private List<String> addresses(RawTable table, Row row, Map<String, Integer> addressRows) {
		String text = text(row, INF_EMAIL);
		if (text == null) {
			problem(table, row, INF_EMAIL, "电子邮箱不能为空（信息员从登记的邮箱报送）");
			return List.of();
		}
		var addresses = new LinkedHashSet<String>();
		for (String address : LIST_SEPARATORS.split(text)) {
			if (address.isEmpty()) {
				continue;
			}
			try {
				var parsed = new InternetAddress(address, true);
				parsed.validate();
				if (!address.contains("@") || !address.substring(address.indexOf('@')).contains(".")) {
					throw new AddressException("no domain");
				}
			}
			catch (AddressException ex) {
				problem(table, row, INF_EMAIL, "「" + address + "」不是有效的电子邮箱地址");
				continue;
			}
			String key = TextKeys.addressKey(address);
			Integer earlier = addressRows.putIfAbsent(key, row.number());
			if (earlier != null && earlier != row.number()) {
				problem(table, row, INF_EMAIL, "电子邮箱 " + address + " 与第" + earlier + "行重复（一个邮箱只能登记给一名信息员）");
			}
			else if (earlier == null || addresses.stream().noneMatch(a -> TextKeys.addressKey(a).equals(key))) {
				addresses.add(address);
			}
		}
		return List.copyOf(addresses);
	}

	private String phone(RawTable table, Row row) {
		String text = text(row, INF_PHONE);
		if (text == null) {
			return null;
		}
		for (String part : text.split("[/／,，;；、]")) {
			String digits = part.replaceAll("[\\s()（）]", "");
			if (!digits.isEmpty() && !PHONE.matcher(digits).matches()) {
				problem(table, row, INF_PHONE, "联系电话「" + part.strip() + "」格式不对（手机11位，座机如 020-83123456）");
			}
		}
		return text;
	}

	private String sequence(RawTable table, Row row) {
		String text = required(table, row, UNIT_SEQUENCE, "序列");
		if (text == null) {
			return null;
		}
		String key = TextKeys.nameKey(text);
		return sequences.stream()
			.filter(s -> TextKeys.nameKey(s.code()).equals(key) || TextKeys.nameKey(s.name()).equals(key))
			.map(Sequence::code)
			.findFirst()
			.orElseGet(() -> {
				problem(table, row, UNIT_SEQUENCE, "序列「" + text + "」不是本辖区的序列（可用："
						+ String.join("、", sequences.stream().map(s -> s.code() + " " + s.name()).toList()) + "）");
				return null;
			});
	}

	static Optional<UnitEntry> find(List<UnitEntry> units, String text) {
		String key = TextKeys.nameKey(text);
		return units.stream()
			.filter(u -> text.equals(u.code()) || namesOf(u.name(), u.shortName(), u.aliases()).stream()
				.anyMatch(n -> TextKeys.nameKey(n.text()).equals(key)))
			.findFirst();
	}

	private static List<Name> namesOf(String name, String shortName, List<String> aliases) {
		var names = new ArrayList<Name>();
		if (name != null) {
			names.add(new Name(name, UNIT_NAME));
		}
		if (shortName != null && !shortName.equals(name)) {
			names.add(new Name(shortName, UNIT_SHORT_NAME));
		}
		aliases.stream().filter(a -> !a.equals(name) && !a.equals(shortName)).forEach(a -> names.add(new Name(a, UNIT_ALIASES)));
		return names;
	}

	private boolean status(RawTable table, Row row, RegistryColumns column) {
		String text = text(row, column);
		if (text == null) {
			return true;
		}
		return switch (TextKeys.nameKey(text)) {
			case "在用", "启用", "有效", "是", "正常", "active", "1" -> true;
			case "停用", "无效", "否", "注销", "inactive", "0" -> false;
			default -> {
				problem(table, row, column, "状态应为“在用”或“停用”，不是「" + text + "」");
				yield true;
			}
		};
	}

	private LocalDate date(RawTable table, Row row, RegistryColumns column) {
		Cell cell = row.cell(column);
		if (cell.date() != null) {
			return cell.date();
		}
		if (cell.text() == null) {
			return null;
		}
		for (DateTimeFormatter format : DATE_FORMATS) {
			try {
				return LocalDate.parse(cell.text(), format);
			}
			catch (DateTimeParseException next) {
				// try the next form
			}
		}
		problem(table, row, column, "日期「" + cell.text() + "」无法识别（例：2026-11-20）");
		return null;
	}

	private Integer integer(RawTable table, Row row, RegistryColumns column) {
		String text = text(row, column);
		if (text == null) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			problem(table, row, column, "应为整数，不是「" + text + "」");
			return null;
		}
	}

	private String required(RawTable table, Row row, RegistryColumns column, String what) {
		String text = text(row, column);
		if (text == null) {
			problem(table, row, column, what + "不能为空");
		}
		return text;
	}

	private String maxLength(RawTable table, Row row, RegistryColumns column, String text, int max) {
		if (text != null && text.codePointCount(0, text.length()) > max) {
			problem(table, row, column, "超过" + max + "个字");
		}
		return text;
	}

	private static String text(Row row, RegistryColumns column) {
		return row.cell(column).text();
	}

	private static List<String> list(Row row, RegistryColumns column) {
		String text = text(row, column);
		if (text == null) {
			return List.of();
		}
		return java.util.Arrays.stream(LIST_SEPARATORS.split(text)).filter(s -> !s.isEmpty()).distinct().toList();
	}

	private void problem(RawTable table, Row row, RegistryColumns column, String message) {
		problems.add(new ImportProblem(table.table().sheetName, row.number(), row.cell(column).reference(), message));
	}

	private record KeyOwner(String code, int row) {
	}

	private record Name(String text, RegistryColumns column) {
	}
}
