package org.baosong.replies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.registry.Registry;
import org.baosong.registry.SenderMatch;
import org.springframework.stereotype.Component;

/**
 * Where a mail about a unit's report goes when an editor's act writes it weeks later (采用反馈, 批示通知):
 * to the report's sender, in its thread, while that address is still an active informant of the unit;
 * otherwise (the informant left, was deactivated, or now reports for another unit) to every address of
 * the unit's active informants, each a new mail outside the thread. A unit without an active informant
 * gets nothing: the old address may now belong to someone else.
 */
@Component
class UnitRecipients {

	private static final Logger log = LoggerFactory.getLogger(UnitRecipients.class);

	private final Registry registry;

	UnitRecipients(Registry registry) {
		this.registry = registry;
	}

	/** The answers to queue for a mail about the unit's report: the original itself, or one per address of the unit. */
	List<Replies.Original> of(Replies.Original original, long unitId, String what) {
		boolean stillInforms = original.to() != null && registry.informantByAddress(original.to())
			.filter(SenderMatch::active)
			.filter(match -> match.unit().id() == unitId)
			.isPresent();
		if (stillInforms) {
			return List.of(original);
		}
		var addresses = new LinkedHashMap<String, String>();
		registry.informants().stream()
			.filter(informant -> informant.active() && informant.unitId() == unitId)
			.flatMap(informant -> informant.addresses().stream())
			.forEach(address -> addresses.putIfAbsent(address.strip().toLowerCase(Locale.ROOT), address.strip()));
		var answers = new ArrayList<Replies.Original>();
		addresses.values().forEach(address -> answers.add(original.elsewhere(address)));
		if (answers.isEmpty()) {
			log.warn("{} for inbound #{}: {} is no active informant of unit #{}, and the unit has none: not mailed", what,
					original.inboundId(), original.to(), unitId);
		}
		else {
			log.info("{} for inbound #{}: {} is no active informant of unit #{}; mailed to its informants {} instead", what,
					original.inboundId(), original.to(), unitId, addresses.values());
		}
		return answers;
	}
}
