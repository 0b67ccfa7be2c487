package org.baosong.editorial.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.stereotype.Component;

/**
 * The authorization matrix of the journals, issues and commissions API and of the DOCX export:
 * all staff read; editors, reviewers and administrators compose and publish issues, as on the pages.
 */
@Component
class EditorialApiAccess implements AccessRules {

	private static final Role[] COMPOSERS = { Role.ADMIN, Role.EDITOR, Role.REVIEWER };

	@Override
	public List<AccessRule> rules() {
		return List.of(
				AccessRule.get("/issues/{id}/export.docx", AccessRule.everyone()),
				AccessRule.get("/api/journals", AccessRule.everyone()),
				AccessRule.get("/api/journals/{id}/issues", AccessRule.everyone()),
				AccessRule.get("/api/issues/{id}", AccessRule.everyone()),
				AccessRule.get("/api/issues/{id}/export.docx", AccessRule.everyone()),
				AccessRule.post("/api/issues/{id}/items", COMPOSERS),
				AccessRule.post("/api/issues/{id}/publish", COMPOSERS),
				AccessRule.get("/api/commissions", AccessRule.everyone()),
				AccessRule.get("/api/commissions/{id}", AccessRule.everyone()));
	}
}
