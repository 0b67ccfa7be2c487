package org.baosong.editorial.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.stereotype.Component;

/**
 * The journals part of the authorization matrix: all staff read journals and issues; administrators
 * keep the journals; editors and reviewers open, compose and publish issues; only administrators undo
 * a published adoption.
 */
@Component
class JournalAccess implements AccessRules {

	private static final Role[] COMPOSERS = { Role.ADMIN, Role.EDITOR, Role.REVIEWER };

	@Override
	public List<AccessRule> rules() {
		return List.of(
				AccessRule.get("/journals", AccessRule.everyone()),
				AccessRule.post("/journals", Role.ADMIN),
				AccessRule.get("/journals/{id}", AccessRule.everyone()),
				AccessRule.post("/journals/{id}", Role.ADMIN),
				AccessRule.get("/journals/{id}/issues/new", COMPOSERS),
				AccessRule.post("/journals/{id}/issues", COMPOSERS),
				AccessRule.get("/issues/{id}", AccessRule.everyone()),
				AccessRule.post("/issues/{id}/items", COMPOSERS),
				AccessRule.post("/issues/{id}/items/{adoptionId}/move", COMPOSERS),
				AccessRule.post("/issues/{id}/items/{adoptionId}/remove", COMPOSERS),
				AccessRule.post("/issues/{id}/publish", COMPOSERS),
				AccessRule.post("/issues/{id}/items/{adoptionId}/undo", Role.ADMIN));
	}
}
