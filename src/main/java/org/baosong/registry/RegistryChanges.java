package org.baosong.registry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.baosong.audit.AuditLog;
import org.baosong.common.TextKeys;
import org.baosong.registry.RegistryMapper.UnitRecord;
import org.baosong.registry.RegistryMapper.UnitRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes an administrator makes to one unit in the browser: activate or deactivate it, edit its name, short
 * name, aliases, sequence, supervising unit and sort order. Each change is checked as an import would check
 * it (names, short names and aliases are one key space across all units, active or not), written in one
 * transaction and audited. Whole-registry changes go through the all-or-nothing import ({@link RegistryExchange}).
 */
@Service
public class RegistryChanges {

	private static final Pattern LIST_SEPARATORS = Pattern.compile("[、;；,，/\\n\\r]+");

	private final RegistryMapper mapper;

	private final Registry registry;

	private final AuditLog audit;

	private final Clock clock;

	private final CachedRegistry cache;

	RegistryChanges(RegistryMapper mapper, Registry registry, AuditLog audit, Clock clock, CachedRegistry cache) {
		this.mapper = mapper;
		this.registry = registry;
		this.audit = audit;
		this.clock = clock;
		this.cache = cache;
	}

	/**
	 * The editable fields of a unit as a form sends them. {@code aliases} is the text of the alias field
	 * (separated by 、 ; , / or new lines); {@code parentCode} the code of the supervising unit, or blank.
	 */
	public record UnitChange(String name, String shortName, String aliases, String sequenceCode, String parentCode, Integer sortOrder) {

		public static UnitChange of(Unit unit, Unit parent) {
			return new UnitChange(unit.name(), unit.shortName(), String.join("、", unit.aliases()), unit.sequenceCode(),
					parent == null ? null : parent.code(), unit.sortOrder());
		}
	}

	/** What is wrong with one field of a change: {@code field} is name, shortName, aliases, sequenceCode, parentCode or sortOrder. */
	public record FieldProblem(String field, String message) {
	}

	/** A change refused as a whole; nothing was written. */
	public static class ChangeRefused extends RuntimeException {

		private final List<FieldProblem> problems;

		ChangeRefused(List<FieldProblem> problems) {
			super(problems.toString());
			this.problems = List.copyOf(problems);
		}

		public List<FieldProblem> problems() {
			return problems;
		}
	}

	/** Activates or deactivates a unit (never deletes: submissions and scores refer to it). False when it already was. */
	@Transactional
	public boolean setActive(long unitId, boolean active) {
		Unit unit = registry.unit(unitId).orElseThrow(() -> new IllegalArgumentException("no unit " + unitId));
		if (unit.active() == active) {
			return false;
		}
		cache.changing();
		mapper.setActive(unitId, active, clock.instant());
		audit.record(active ? "registry.unit.activate" : "registry.unit.deactivate", "unit", unitId, unit.code() + " " + unit.name());
		return true;
	}

	/** Applies a change to a unit, or refuses it with every problem found. */
	@Transactional
	public Unit update(long unitId, UnitChange change) {
		Unit before = registry.unit(unitId).orElseThrow(() -> new IllegalArgumentException("no unit " + unitId));
		var problems = new ArrayList<FieldProblem>();
		String name = TextKeys.clean(change.name());
		String shortName = TextKeys.clean(change.shortName());
		if (name == null) {
			problems.add(new FieldProblem("name", "单位名称不能为空"));
		}
		else if (name.length() > 100) {
			problems.add(new FieldProblem("name", "单位名称最长100字"));
		}
		if (shortName != null && shortName.length() > 50) {
			problems.add(new FieldProblem("shortName", "简称最长50字"));
		}
		List<String> aliases = aliases(change.aliases(), name, shortName, problems);
		String sequence = TextKeys.clean(change.sequenceCode());
		if (sequence == null || registry.sequences().stream().noneMatch(s -> s.code().equals(sequence))) {
			problems.add(new FieldProblem("sequenceCode", "序列「" + Objects.toString(sequence, "") + "」不是本辖区规则中的序列"));
		}
		if (change.sortOrder() == null) {
			problems.add(new FieldProblem("sortOrder", "排序号必须是整数"));
		}
		Long parentId = parent(unitId, TextKeys.clean(change.parentCode()), problems);
		checkKeysFree(unitId, name, "name", problems);
		checkKeysFree(unitId, shortName, "shortName", problems);
		aliases.forEach(alias -> checkKeysFree(unitId, alias, "aliases", problems));
		if (!problems.isEmpty()) {
			throw new ChangeRefused(problems);
		}
		cache.changing();
		var row = new UnitRow();
		row.id = unitId;
		row.code = before.code();
		row.name = name;
		row.nameKey = TextKeys.nameKey(name);
		row.shortName = shortName;
		row.shortNameKey = shortName == null ? null : TextKeys.nameKey(shortName);
		row.sequenceCode = sequence;
		row.sortOrder = change.sortOrder();
		row.active = before.active();
		mapper.updateUnit(row, clock.instant());
		mapper.deleteAliasesOf(unitId);
		aliases.forEach(alias -> mapper.insertAlias(unitId, alias, TextKeys.nameKey(alias)));
		mapper.setParent(unitId, parentId);
		Unit after = registry.unit(unitId).orElseThrow();
		audit.record("registry.unit.update", "unit", unitId, describe(before) + " -> " + describe(after));
		return after;
	}

	/** The aliases of the field, each once by key, without those equal to the name or short name. */
	private static List<String> aliases(String text, String name, String shortName, List<FieldProblem> problems) {
		var byKey = new LinkedHashMap<String, String>();
		if (text != null) {
			for (String part : LIST_SEPARATORS.split(text)) {
				String alias = TextKeys.clean(part);
				if (alias == null) {
					continue;
				}
				if (alias.length() > 100) {
					problems.add(new FieldProblem("aliases", "别名「" + alias + "」超过100字"));
					continue;
				}
				String key = TextKeys.nameKey(alias);
				if (!key.equals(TextKeys.nameKey(name)) && !key.equals(TextKeys.nameKey(shortName))) {
					byKey.putIfAbsent(key, alias);
				}
			}
		}
		return List.copyOf(byKey.values());
	}

	private Long parent(long unitId, String parentCode, List<FieldProblem> problems) {
		if (parentCode == null) {
			return null;
		}
		var byCode = new java.util.HashMap<String, UnitRecord>();
		mapper.units().forEach(u -> byCode.put(u.code(), u));
		UnitRecord parent = byCode.get(parentCode);
		if (parent == null) {
			problems.add(new FieldProblem("parentCode", "上级单位代码「" + parentCode + "」不在名录中"));
			return null;
		}
		// the supervising unit must not be this unit, nor be supervised by it (directly or further up)
		var byId = new java.util.HashMap<Long, UnitRecord>();
		byCode.values().forEach(u -> byId.put(u.id(), u));
		Long cursor = parent.id();
		for (int depth = 0; cursor != null && depth <= byId.size(); depth++) {
			if (cursor == unitId) {
				problems.add(new FieldProblem("parentCode", "单位不能是自己的上级单位，也不能由自己的下级单位主管"));
				return null;
			}
			cursor = byId.get(cursor).parentUnitId();
		}
		return parent.id();
	}

	private void checkKeysFree(long unitId, String text, String field, List<FieldProblem> problems) {
		if (text == null) {
			return;
		}
		for (long owner : mapper.unitIdsByKey(TextKeys.nameKey(text))) {
			if (owner != unitId) {
				String other = registry.unit(owner).map(u -> u.code() + "（" + u.name() + "）").orElse(String.valueOf(owner));
				problems.add(new FieldProblem(field, "「" + text + "」已是单位 " + other + "的名称、简称或别名"));
				return;
			}
		}
	}

	private static String describe(Unit unit) {
		return "{name=" + unit.name() + ", shortName=" + unit.shortName() + ", aliases=" + unit.aliases() + ", sequence="
				+ unit.sequenceCode() + ", parent=" + unit.parentUnitId() + ", sort=" + unit.sortOrder() + "}";
	}
}
