package org.baosong.editorial.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.stereotype.Component;

/**
 * Upstream adoptions, marks and penalties in the authorization matrix: all staff see them; editors,
 * reviewers and administrators record them; only administrators undo one (ADR 0018).
 */
@Component
class RecordedActsAccess implements AccessRules {

	private static final Role[] RECORDERS = { Role.ADMIN, Role.EDITOR, Role.REVIEWER };

	@Override
	public List<AccessRule> rules() {
		return List.of(
				AccessRule.post("/submissions/{id}/upstream-adoptions", RECORDERS),
				AccessRule.post("/submissions/{id}/upstream-adoptions/{adoptionId}/undo", Role.ADMIN),
				AccessRule.post("/submissions/{id}/marks", RECORDERS),
				AccessRule.post("/submissions/{id}/marks/{markId}/undo", Role.ADMIN),
				AccessRule.get("/penalties", AccessRule.everyone()),
				AccessRule.post("/penalties", RECORDERS),
				AccessRule.post("/penalties/{id}/undo", Role.ADMIN),
				AccessRule.get("/api/submissions/{id}/upstream-adoptions", AccessRule.everyone()),
				AccessRule.post("/api/submissions/{id}/upstream-adoptions", RECORDERS),
				AccessRule.get("/api/submissions/{id}/marks", AccessRule.everyone()),
				AccessRule.post("/api/submissions/{id}/marks", RECORDERS),
				AccessRule.get("/api/penalties", AccessRule.everyone()),
				AccessRule.post("/api/penalties", RECORDERS));
	}
}
