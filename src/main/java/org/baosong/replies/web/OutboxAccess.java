package org.baosong.replies.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.stereotype.Component;

/** The outbox's part of the authorization matrix: mail to units' informants is for administrators. */
@Component
class OutboxAccess implements AccessRules {

	@Override
	public List<AccessRule> rules() {
		return List.of(
				AccessRule.any("/ops/outbox", Role.ADMIN),
				AccessRule.any("/ops/outbox/**", Role.ADMIN));
	}
}
