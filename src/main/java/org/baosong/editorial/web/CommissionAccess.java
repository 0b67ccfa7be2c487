package org.baosong.editorial.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.stereotype.Component;

/**
 * The commissions (约稿) part of the authorization matrix: all staff see commissions and who answered;
 * editors create them; only administrators close one before its deadline or undo a target's outcome.
 */
@Component
class CommissionAccess implements AccessRules {

	private static final Role[] EDITORS = { Role.ADMIN, Role.EDITOR };

	@Override
	public List<AccessRule> rules() {
		return List.of(
				AccessRule.get("/commissions", AccessRule.everyone()),
				AccessRule.get("/commissions/new", EDITORS),
				AccessRule.post("/commissions", EDITORS),
				AccessRule.post("/commissions/{id}/close", Role.ADMIN),
				AccessRule.post("/commissions/{id}/targets/{targetId}/undo", Role.ADMIN),
				AccessRule.get("/commissions/{id}", AccessRule.everyone()));
	}
}
