package org.baosong.bulletins.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.stereotype.Component;

/**
 * The bulletins and statistics part of the authorization matrix (ADR 0025, 0026): all staff read bulletins,
 * their exports and the statistics; editors, reviewers and administrators generate bulletins; only
 * administrators publish one (it is mailed to every unit and judges them).
 */
@Component
class BulletinAccess implements AccessRules {

	private static final Role[] GENERATORS = { Role.ADMIN, Role.EDITOR, Role.REVIEWER };

	@Override
	public List<AccessRule> rules() {
		return List.of(
				AccessRule.get("/bulletins", AccessRule.everyone()),
				AccessRule.post("/bulletins", GENERATORS),
				AccessRule.get("/bulletins/{id}", AccessRule.everyone()),
				AccessRule.get("/bulletins/{id}/units/{unitId}", AccessRule.everyone()),
				AccessRule.get("/bulletins/{id}/export.xlsx", AccessRule.everyone()),
				AccessRule.get("/bulletins/{id}/export.docx", AccessRule.everyone()),
				AccessRule.post("/bulletins/{id}/publish", Role.ADMIN),
				AccessRule.get("/api/bulletins", AccessRule.everyone()),
				AccessRule.post("/api/bulletins", GENERATORS),
				AccessRule.get("/api/bulletins/{id}", AccessRule.everyone()),
				AccessRule.get("/api/bulletins/{id}/units/{unitId}", AccessRule.everyone()),
				AccessRule.get("/api/bulletins/{id}/export.xlsx", AccessRule.everyone()),
				AccessRule.get("/api/bulletins/{id}/export.docx", AccessRule.everyone()),
				AccessRule.post("/api/bulletins/{id}/publish", Role.ADMIN),
				AccessRule.get("/statistics", AccessRule.everyone()),
				AccessRule.get("/statistics/units/{id}", AccessRule.everyone()),
				AccessRule.get("/statistics/intake", AccessRule.everyone()),
				AccessRule.get("/api/statistics/trends", AccessRule.everyone()),
				AccessRule.get("/api/statistics/rankings", AccessRule.everyone()),
				AccessRule.get("/api/statistics/units/{id}", AccessRule.everyone()),
				AccessRule.get("/api/statistics/intake", AccessRule.everyone()));
	}
}
