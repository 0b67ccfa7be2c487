package org.baosong.web.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login refused without looking at the password: the name or the address is locked out for a while. */
class LoginThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("too many failed logins; try again in " + retryAfter.toSeconds() + "s");
		this.retryAfter = retryAfter;
	}

	/** Whole minutes, rounded up, as the login page shows them. */
	long minutes() {
		return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
	}
}
