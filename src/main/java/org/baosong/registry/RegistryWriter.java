package org.baosong.registry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.baosong.audit.AuditLog;
import org.baosong.common.TextKeys;
import org.baosong.registry.RegistryMapper.InformantRecord;
import org.baosong.registry.RegistryMapper.InformantRow;
import org.baosong.registry.RegistryMapper.UnitRecord;
import org.baosong.registry.RegistryMapper.UnitRow;
import org.baosong.registry.RegistrySnapshot.InformantEntry;
import org.baosong.registry.RegistrySnapshot.UnitEntry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a checked snapshot in one transaction. A sheet in the file is the complete list of its
 * kind: rows are matched by unit code and by (unit, informant name), new ones are added, and those
 * missing from the sheet are deactivated, never deleted (submissions and scores refer to them).
 */
@Component
class RegistryWriter {

	private final RegistryMapper mapper;

	private final AuditLog audit;

	private final Clock clock;

	private final CachedRegistry cache;

	RegistryWriter(RegistryMapper mapper, AuditLog audit, Clock clock, CachedRegistry cache) {
		this.mapper = mapper;
		this.audit = audit;
		this.clock = clock;
		this.cache = cache;
	}

	@Transactional
	ImportResult apply(List<UnitEntry> units, List<InformantEntry> informants, boolean writeUnits, boolean writeInformants) {
		cache.changing();
		var counts = new int[6];
		Map<String, Long> unitIds = writeUnits ? writeUnits(units, counts)
				: mapper.units().stream().collect(Collectors.toMap(UnitRecord::code, UnitRecord::id));
		if (writeInformants) {
			writeInformants(informants, unitIds, counts);
		}
		var result = new ImportResult(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
		audit.record("registry.import", "registry", null, (writeUnits ? "units " : "") + (writeInformants ? "informants " : "") + result);
		return result;
	}

	private Map<String, Long> writeUnits(List<UnitEntry> units, int[] counts) {
		var now = clock.instant();
		Map<String, UnitRecord> existing = mapper.units().stream().collect(Collectors.toMap(UnitRecord::code, Function.identity()));
		// free the name keys of the units being rewritten, so that names may move between units in one import
		units.stream().map(u -> existing.get(u.code())).filter(java.util.Objects::nonNull)
			.forEach(r -> mapper.parkUnitNameKey(r.id()));
		mapper.deleteAllAliases();
		var ids = new HashMap<String, Long>();
		for (UnitEntry entry : units) {
			UnitRecord before = existing.get(entry.code());
			var row = toRow(entry);
			if (before == null) {
				mapper.insertUnit(row, now);
				counts[0]++;
			}
			else {
				row.id = before.id();
				mapper.updateUnit(row, now);
				if (changed(before, entry)) {
					counts[1]++;
				}
			}
			ids.put(entry.code(), row.id);
			for (String alias : entry.aliases()) {
				String key = TextKeys.nameKey(alias);
				if (!key.equals(row.nameKey) && !key.equals(row.shortNameKey)) {
					mapper.insertAlias(row.id, alias, key);
				}
			}
		}
		for (UnitEntry entry : units) {
			mapper.setParent(ids.get(entry.code()), entry.parentCode() == null ? null : ids.get(entry.parentCode()));
		}
		counts[2] = mapper.deactivateUnitsNotIn(ids.values(), now);
		existing.values().stream().filter(r -> !ids.containsKey(r.code())).forEach(r -> ids.put(r.code(), r.id()));
		return ids;
	}

	private static boolean changed(UnitRecord before, UnitEntry after) {
		return !(before.name().equals(after.name()) && java.util.Objects.equals(before.shortName(), after.shortName())
				&& before.sequenceCode().equals(after.sequenceCode()) && before.sortOrder() == after.sortOrder()
				&& before.active() == after.active());
	}

	private void writeInformants(List<InformantEntry> informants, Map<String, Long> unitIds, int[] counts) {
		var now = clock.instant();
		Map<String, InformantRecord> existing = mapper.informants().stream()
			.collect(Collectors.toMap(r -> r.unitId() + "\u0000" + r.name(), Function.identity()));
		var kept = new ArrayList<Long>();
		var addressesByInformant = new HashMap<Long, List<String>>();
		for (InformantEntry entry : informants) {
			long unitId = unitIds.get(entry.unitCode());
			InformantRecord before = existing.get(unitId + "\u0000" + entry.name());
			var row = new InformantRow();
			row.unitId = unitId;
			row.name = entry.name();
			row.title = entry.title();
			row.phone = entry.phone();
			row.active = entry.active();
			row.registeredOn = entry.registeredOn();
			row.note = entry.note();
			if (before == null) {
				mapper.insertInformant(row, now);
				counts[3]++;
			}
			else {
				row.id = before.id();
				mapper.updateInformant(row, now);
				if (!new InformantRecord(before.id(), unitId, entry.name(), entry.title(), entry.phone(), entry.active(),
						entry.registeredOn(), entry.note()).equals(before)) {
					counts[4]++;
				}
			}
			kept.add(row.id);
			addressesByInformant.put(row.id, entry.addresses());
		}
		counts[5] = mapper.deactivateInformantsNotIn(kept, now);
		if (!kept.isEmpty()) {
			// an address named in the file goes to the informant the file names, even if someone else had it
			mapper.deleteAddressesOf(kept);
			var keys = new LinkedHashSet<String>();
			addressesByInformant.values().forEach(list -> list.forEach(a -> keys.add(TextKeys.addressKey(a))));
			if (!keys.isEmpty()) {
				mapper.deleteAddressesByKey(keys);
			}
			addressesByInformant.forEach((id, list) -> list.forEach(a -> mapper.insertAddress(id, a, TextKeys.addressKey(a))));
		}
	}

	private static UnitRow toRow(UnitEntry entry) {
		var row = new UnitRow();
		row.code = entry.code();
		row.name = entry.name();
		row.nameKey = TextKeys.nameKey(entry.name());
		row.shortName = entry.shortName();
		row.shortNameKey = entry.shortName() == null ? null : TextKeys.nameKey(entry.shortName());
		row.sequenceCode = entry.sequenceCode();
		row.sortOrder = entry.sortOrder();
		row.active = entry.active();
		return row;
	}
}
