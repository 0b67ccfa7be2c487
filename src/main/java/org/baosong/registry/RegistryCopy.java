package org.baosong.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.baosong.registry.RegistryMapper.AddressRecord;
import org.baosong.registry.RegistryMapper.AliasRecord;
import org.baosong.registry.RegistryMapper.InformantRecord;
import org.baosong.registry.RegistryMapper.UnitRecord;

/**
 * The whole registry as screening looks it up, built from one read of its four tables: units by their name,
 * short name and alias keys, and the informant (with the unit) by address key. It answers as the queries of
 * {@link Registry} do: a key several units share (the registry keeps them unique, the database only within
 * each column) goes to the first unit in the order sequence, sort order, code.
 */
final class RegistryCopy {

	private final Map<String, Unit> unitsByKey;

	private final Map<String, SenderMatch> sendersByAddressKey;

	private RegistryCopy(Map<String, Unit> unitsByKey, Map<String, SenderMatch> sendersByAddressKey) {
		this.unitsByKey = unitsByKey;
		this.sendersByAddressKey = sendersByAddressKey;
	}

	/** Units in the order of {@link RegistryMapper#units()}, aliases and addresses in the order of their ids. */
	static RegistryCopy of(List<UnitRecord> units, List<AliasRecord> aliases, List<InformantRecord> informants,
			List<AddressRecord> addresses) {
		Map<Long, List<String>> aliasesByUnit = aliases.stream().collect(Collectors.groupingBy(AliasRecord::unitId,
				Collectors.mapping(AliasRecord::alias, Collectors.toList())));
		var unitsById = new HashMap<Long, Unit>();
		var positions = new HashMap<Long, Integer>();
		var unitsByKey = new HashMap<String, Unit>();
		for (UnitRecord r : units) {
			var unit = new Unit(r.id(), r.code(), r.name(), r.shortName(), aliasesByUnit.getOrDefault(r.id(), List.of()),
					r.sequenceCode(), r.parentUnitId(), r.sortOrder(), r.active());
			unitsById.put(r.id(), unit);
			positions.put(r.id(), positions.size());
			unitsByKey.putIfAbsent(r.nameKey(), unit);
			if (r.shortNameKey() != null) {
				unitsByKey.putIfAbsent(r.shortNameKey(), unit);
			}
		}
		for (AliasRecord alias : aliases) {
			Unit unit = unitsById.get(alias.unitId());
			if (unit != null) { // the first unit in order wins a key, whether it holds it as a name or as an alias
				unitsByKey.merge(alias.aliasKey(), unit,
						(held, offered) -> positions.get(offered.id()) < positions.get(held.id()) ? offered : held);
			}
		}
		Map<Long, List<String>> addressesByInformant = addresses.stream().collect(Collectors.groupingBy(AddressRecord::informantId,
				Collectors.mapping(AddressRecord::address, Collectors.toList())));
		var informantsById = new HashMap<Long, Informant>();
		for (InformantRecord r : informants) {
			informantsById.put(r.id(), new Informant(r.id(), r.unitId(), r.name(), r.title(), r.phone(),
					addressesByInformant.getOrDefault(r.id(), List.of()), r.active(), r.registeredOn(), r.note()));
		}
		var senders = new HashMap<String, SenderMatch>();
		for (AddressRecord address : addresses) {
			Informant informant = informantsById.get(address.informantId());
			Unit unit = informant == null ? null : unitsById.get(informant.unitId());
			if (unit != null) {
				senders.putIfAbsent(address.addressKey(), new SenderMatch(informant, unit));
			}
		}
		return new RegistryCopy(Map.copyOf(unitsByKey), Map.copyOf(senders));
	}

	/** By the key {@code TextKeys.nameKey} gives. */
	Optional<Unit> unitByKey(String nameKey) {
		return Optional.ofNullable(unitsByKey.get(nameKey));
	}

	/** By the key {@code TextKeys.addressKey} gives. */
	Optional<SenderMatch> senderByKey(String addressKey) {
		return Optional.ofNullable(sendersByAddressKey.get(addressKey));
	}
}
