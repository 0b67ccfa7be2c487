package org.baosong.registry;

/** What an import changed. Units and informants missing from a complete sheet are deactivated, never deleted. */
public record ImportResult(int unitsAdded, int unitsUpdated, int unitsDeactivated, int informantsAdded,
		int informantsUpdated, int informantsDeactivated) {
}
