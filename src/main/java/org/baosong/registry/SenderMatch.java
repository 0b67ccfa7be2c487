package org.baosong.registry;

/** The informant registered for an address, with their unit. Either may be inactive: the caller decides. */
public record SenderMatch(Informant informant, Unit unit) {

	public boolean active() {
		return informant.active() && unit.active();
	}
}
