package org.baosong.registry.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.stereotype.Component;

/** The registry's part of the authorization matrix: all staff read it, administrators change it. */
@Component
class RegistryAccess implements AccessRules {

	@Override
	public List<AccessRule> rules() {
		return List.of(
				AccessRule.get("/registry/export/**", Role.ADMIN, Role.EDITOR),
				AccessRule.get("/registry/units/*/edit", Role.ADMIN),
				AccessRule.post("/registry/**", Role.ADMIN),
				AccessRule.get("/registry", AccessRule.everyone()),
				AccessRule.get("/registry/**", AccessRule.everyone()));
	}
}
