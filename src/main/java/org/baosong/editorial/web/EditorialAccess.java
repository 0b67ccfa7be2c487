package org.baosong.editorial.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.stereotype.Component;

/**
 * The editorial part of the authorization matrix: all staff read queues and submissions; editors
 * claim, edit and send to review; reviewers send back; both may decide not to adopt or return to
 * the unit; administrators may do everything.
 */
@Component
class EditorialAccess implements AccessRules {

	private static final Role[] EDITORS = { Role.ADMIN, Role.EDITOR };

	private static final Role[] REVIEWERS = { Role.ADMIN, Role.REVIEWER };

	private static final Role[] DECIDERS = { Role.ADMIN, Role.EDITOR, Role.REVIEWER };

	@Override
	public List<AccessRule> rules() {
		return List.of(
				AccessRule.get("/queues", AccessRule.everyone()),
				AccessRule.get("/api/queues", AccessRule.everyone()),
				AccessRule.get("/api/queues/counts", AccessRule.everyone()),
				AccessRule.post("/submissions/{id}/claim", EDITORS),
				AccessRule.post("/submissions/{id}/release", EDITORS),
				AccessRule.post("/submissions/{id}/edit", EDITORS),
				AccessRule.post("/submissions/{id}/submit", EDITORS),
				AccessRule.post("/submissions/{id}/send-back", REVIEWERS),
				AccessRule.post("/submissions/{id}/not-adopt", DECIDERS),
				AccessRule.post("/submissions/{id}/return", DECIDERS),
				AccessRule.post("/api/submissions/{id}/claim", EDITORS),
				AccessRule.post("/api/submissions/{id}/release", EDITORS),
				AccessRule.post("/api/submissions/{id}/versions", EDITORS),
				AccessRule.post("/api/submissions/{id}/submit", EDITORS),
				AccessRule.post("/api/submissions/{id}/send-back", REVIEWERS),
				AccessRule.post("/api/submissions/{id}/not-adopt", DECIDERS),
				AccessRule.post("/api/submissions/{id}/return", DECIDERS),
				AccessRule.get("/submissions/**", AccessRule.everyone()),
				AccessRule.get("/api/submissions/**", AccessRule.everyone()));
	}
}
