package org.baosong.audit.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.stereotype.Component;

/** The audit log names people, addresses and failed logins: administrators only. */
@Component
class AuditAccess implements AccessRules {

	@Override
	public List<AccessRule> rules() {
		return List.of(AccessRule.get("/admin/audit", Role.ADMIN));
	}
}
