package org.baosong.profile.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.springframework.stereotype.Component;

/** The profile's part of the authorization matrix: every member of staff may read the rules mail is judged by. */
@Component
class ProfileAccess implements AccessRules {

	@Override
	public List<AccessRule> rules() {
		return List.of(AccessRule.get("/ops/profile", AccessRule.everyone()));
	}
}
