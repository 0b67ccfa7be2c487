package org.baosong.editorial.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.springframework.stereotype.Component;

/** The editorial part of the authorization matrix. */
@Component
class EditorialAccess implements AccessRules {

	@Override
	public List<AccessRule> rules() {
		return List.of(
				AccessRule.get("/api/submissions/**", AccessRule.everyone()));
	}
}
