package org.baosong.registry;

import java.time.LocalDate;
import java.util.List;

/** An informant (信息员) registered for a unit, with the addresses they submit from. */
public record Informant(long id, long unitId, String name, String title, String phone, List<String> addresses,
		boolean active, LocalDate registeredOn, String note) {

	public Informant {
		addresses = addresses == null ? List.of() : List.copyOf(addresses);
	}
}
