package org.baosong.editorial.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.stereotype.Component;

/**
 * The leader instructions (批示) part of the authorization matrix: all staff see instructions and their
 * feedback; those who compose and publish issues (editors, reviewers) record instructions and the
 * units' feedback; only administrators undo an instruction. The item's instructions as JSON
 * ({@code GET /api/submissions/{id}/instructions}) fall under the submissions' {@code /api/submissions/**}.
 */
@Component
class InstructionAccess implements AccessRules {

	private static final Role[] RECORDERS = { Role.ADMIN, Role.EDITOR, Role.REVIEWER };

	@Override
	public List<AccessRule> rules() {
		return List.of(
				AccessRule.get("/instructions", AccessRule.everyone()),
				AccessRule.get("/api/instructions", AccessRule.everyone()),
				AccessRule.post("/submissions/{id}/instructions", RECORDERS),
				AccessRule.post("/instructions/{id}/feedback", RECORDERS),
				AccessRule.post("/instructions/{id}/undo", Role.ADMIN));
	}
}
