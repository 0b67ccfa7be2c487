package org.baosong.registry;

import java.util.List;

/**
 * A unit that submits (报送单位).
 *
 * @param parentUnitId the supervising unit of a direct-report point (双轨制 credit goes there), or null
 */
public record Unit(long id, String code, String name, String shortName, List<String> aliases, String sequenceCode,
		Long parentUnitId, int sortOrder, boolean active) {

	public Unit {
		aliases = aliases == null ? List.of() : List.copyOf(aliases);
	}
}
