package org.baosong.search.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.stereotype.Component;

/** The search part of the authorization matrix: all staff search; administrators rebuild the index. */
@Component
class SearchAccess implements AccessRules {

	@Override
	public List<AccessRule> rules() {
		return List.of(
				AccessRule.get("/search", AccessRule.everyone()),
				AccessRule.post("/search/rebuild", Role.ADMIN),
				AccessRule.get("/api/search", AccessRule.everyone()),
				AccessRule.get("/api/search/status", AccessRule.everyone()),
				AccessRule.post("/api/search/rebuild", Role.ADMIN));
	}
}
