package org.baosong.web.security;

import org.baosong.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logins in the audit log: {@code LOGIN} for each login through the login page, {@code LOGIN_FAILED}
 * for each refused password on the page or on the API, {@code LOGOUT}. A successful HTTP Basic
 * request is not a login worth a line: scripts authenticate on every call (ADR 0011).
 */
@Component
class LoginAudit {

	static final String TARGET = "user";

	private final AuditLog audit;

	LoginAudit(AuditLog audit) {
		this.audit = audit;
	}

	@Transactional
	public void loggedIn(String username) {
		audit.record("LOGIN", TARGET, username, null);
	}

	/** Recorded under the name that was typed: the audit page then shows who is being guessed at. */
	@Transactional
	public void failed(String typedName, String detail) {
		audit.recordAs(typedName, "LOGIN_FAILED", TARGET, typedName, detail);
	}

	/** Also when a session ends because an administrator changed the account: the user is gone either way. */
	@Transactional
	public void loggedOut(String username) {
		audit.recordAs(username, "LOGOUT", TARGET, username, null);
	}
}
