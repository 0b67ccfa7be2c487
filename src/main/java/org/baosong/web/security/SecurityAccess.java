package org.baosong.web.security;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.stereotype.Component;

/** Accounts in the authorization matrix: administrators manage users; everyone changes their own password. */
@Component
class SecurityAccess implements AccessRules {

	@Override
	public List<AccessRule> rules() {
		return List.of(
				AccessRule.any("/admin/users", Role.ADMIN),
				AccessRule.any("/admin/users/**", Role.ADMIN),
				AccessRule.get("/account/password", AccessRule.everyone()),
				AccessRule.post("/account/password", AccessRule.everyone()));
	}
}
