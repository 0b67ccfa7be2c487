package org.baosong.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * The registry as a file holds it: units by code, informants by (unit code, name), no database ids.
 * Export writes one, import reads one; export then import gives back an equal snapshot.
 */
public record RegistrySnapshot(List<UnitEntry> units, List<InformantEntry> informants) {

	public RegistrySnapshot {
		units = List.copyOf(units);
		informants = List.copyOf(informants);
	}

	public record UnitEntry(String code, String name, String shortName, List<String> aliases, String sequenceCode,
			String parentCode, int sortOrder, boolean active) {

		public UnitEntry {
			aliases = List.copyOf(aliases);
		}
	}

	public record InformantEntry(String unitCode, String name, String title, String phone, List<String> addresses,
			LocalDate registeredOn, boolean active, String note) {

		public InformantEntry {
			addresses = List.copyOf(addresses);
		}
	}
}
