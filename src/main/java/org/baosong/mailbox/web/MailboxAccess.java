package org.baosong.mailbox.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.stereotype.Component;

/**
 * The mailbox's part of the authorization matrix: the inbound log and the quarantine hold raw mail
 * (personal data, possibly classified text before a purge), so only administrators read them or
 * reprocess and discard; the outcome statistics are for all staff.
 */
@Component
class MailboxAccess implements AccessRules {

	@Override
	public List<AccessRule> rules() {
		return List.of(
				AccessRule.any("/api/inbound/**", Role.ADMIN),
				AccessRule.any("/api/inbound", Role.ADMIN),
				AccessRule.get("/api/stats/**", AccessRule.everyone()),
				AccessRule.any("/ops/inbound", Role.ADMIN),
				AccessRule.any("/ops/inbound/**", Role.ADMIN),
				AccessRule.any("/ops/quarantine", Role.ADMIN),
				AccessRule.any("/ops/quarantine/**", Role.ADMIN));
	}
}
