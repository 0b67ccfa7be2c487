package org.baosong.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.baosong.common.TextKeys;
import org.baosong.profile.ProfileCatalog;
import org.baosong.profile.Sequence;
import org.baosong.registry.RegistryMapper.AliasRecord;
import org.baosong.registry.RegistryMapper.UnitRecord;
import org.baosong.registry.RegistrySnapshot.InformantEntry;
import org.baosong.registry.RegistrySnapshot.UnitEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side of the registry, straight from the database: lookups, listings, and the snapshot export writes.
 * Screening, which looks up every message's sender and unit, reads through {@link CachedRegistry} instead.
 */
@Service
@Transactional(readOnly = true)
public class Registry {

	private final RegistryMapper mapper;

	private final ProfileCatalog profiles;

	Registry(RegistryMapper mapper, ProfileCatalog profiles) {
		this.mapper = mapper;
		this.profiles = profiles;
	}

	/** The informant registered for a sender address (case-insensitive, NFKC-normalized), active or not. */
	public Optional<SenderMatch> informantByAddress(String address) {
		String key = TextKeys.addressKey(address);
		if (key == null || key.isEmpty()) {
			return Optional.empty();
		}
		return mapper.informantsByAddressKey(key).stream().findFirst().map(record -> {
			var informant = assembleInformants(List.of(record)).get(0);
			return new SenderMatch(informant, unit(informant.unitId()).orElseThrow());
		});
	}

	/** The unit whose name, short name or alias equals the text after normalization (NFKC, no spaces, case). */
	public Optional<Unit> unitByNameOrAlias(String text) {
		String key = TextKeys.nameKey(text);
		if (key == null || key.isEmpty()) {
			return Optional.empty();
		}
		List<Long> ids = mapper.unitIdsByKey(key);
		return ids.isEmpty() ? Optional.empty() : assembleUnits(mapper.unitsById(ids)).stream().findFirst();
	}

	public Optional<Unit> unit(long id) {
		return assembleUnits(mapper.unitsById(List.of(id))).stream().findFirst();
	}

	/**
	 * The whole registry read at once for {@link CachedRegistry}, in a read-only transaction of its own: a caller's
	 * transaction may hold a snapshot older than the last registry change, which must not be kept as the copy.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	RegistryCopy copy() {
		return RegistryCopy.of(mapper.units(), mapper.aliases(null), mapper.informants(), mapper.addresses(null));
	}

	/** All units, in the profile's sequence order, then sort order, then code. */
	public List<Unit> units() {
		var order = sequenceOrder();
		return assembleUnits(mapper.units()).stream()
			.sorted(Comparator.comparingInt((Unit u) -> order.getOrDefault(u.sequenceCode(), Integer.MAX_VALUE))
				.thenComparingInt(Unit::sortOrder)
				.thenComparing(Unit::code))
			.toList();
	}

	public List<Informant> informants() {
		return assembleInformants(mapper.informants());
	}

	/** The sequences units are registered in: those of the deployment's jurisdiction profile. */
	public List<Sequence> sequences() {
		return profiles.jurisdiction().sequences();
	}

	/** Active units per sequence code, in the profile's order; sequences without units count 0. */
	public Map<String, Long> activeUnitsBySequence() {
		var counts = mapper.countActiveUnitsBySequence().stream()
			.collect(Collectors.toMap(RegistryMapper.SequenceCount::sequenceCode, RegistryMapper.SequenceCount::units));
		var result = new LinkedHashMap<String, Long>();
		sequences().forEach(s -> result.put(s.code(), counts.getOrDefault(s.code(), 0L)));
		counts.forEach(result::putIfAbsent);
		return result;
	}

	public boolean isEmpty() {
		return mapper.countUnits() == 0;
	}

	/** The whole registry as a file holds it, in a stable order (the order export writes). */
	public RegistrySnapshot snapshot() {
		List<Unit> units = units();
		Map<Long, Unit> byId = units.stream().collect(Collectors.toMap(Unit::id, Function.identity()));
		var unitEntries = units.stream()
			.map(u -> new UnitEntry(u.code(), u.name(), u.shortName(), u.aliases(), u.sequenceCode(),
					u.parentUnitId() == null ? null : byId.get(u.parentUnitId()).code(), u.sortOrder(), u.active()))
			.toList();
		var unitPosition = new HashMap<Long, Integer>();
		for (int i = 0; i < units.size(); i++) {
			unitPosition.put(units.get(i).id(), i);
		}
		var informantEntries = informants().stream()
			.sorted(Comparator.comparingInt((Informant i) -> unitPosition.get(i.unitId())).thenComparing(Informant::name))
			.map(i -> new InformantEntry(byId.get(i.unitId()).code(), i.name(), i.title(), i.phone(), i.addresses(),
					i.registeredOn(), i.active(), i.note()))
			.toList();
		return new RegistrySnapshot(unitEntries, informantEntries);
	}

	Map<String, Integer> sequenceOrder() {
		var order = new HashMap<String, Integer>();
		var sequences = sequences();
		for (int i = 0; i < sequences.size(); i++) {
			order.put(sequences.get(i).code(), i);
		}
		return order;
	}

	private List<Unit> assembleUnits(List<UnitRecord> records) {
		if (records.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> aliases = mapper.aliases(records.size() > 50 ? null : records.stream().map(UnitRecord::id).toList())
			.stream()
			.collect(Collectors.groupingBy(AliasRecord::unitId, Collectors.mapping(AliasRecord::alias, Collectors.toList())));
		var units = new ArrayList<Unit>(records.size());
		for (UnitRecord r : records) {
			units.add(new Unit(r.id(), r.code(), r.name(), r.shortName(), aliases.getOrDefault(r.id(), List.of()),
					r.sequenceCode(), r.parentUnitId(), r.sortOrder(), r.active()));
		}
		return units;
	}

	private List<Informant> assembleInformants(List<RegistryMapper.InformantRecord> records) {
		if (records.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> addresses = mapper
			.addresses(records.size() > 50 ? null : records.stream().map(RegistryMapper.InformantRecord::id).toList())
			.stream()
			.collect(Collectors.groupingBy(RegistryMapper.AddressRecord::informantId,
					Collectors.mapping(RegistryMapper.AddressRecord::address, Collectors.toList())));
		return records.stream()
			.map(r -> new Informant(r.id(), r.unitId(), r.name(), r.title(), r.phone(),
					addresses.getOrDefault(r.id(), List.of()), r.active(), r.registeredOn(), r.note()))
			.toList();
	}
}
