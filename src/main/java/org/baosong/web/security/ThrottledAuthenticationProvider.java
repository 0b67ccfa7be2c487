package org.baosong.web.security;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one way in, for the login page and for HTTP Basic on the API alike: a name or an address
 * that is locked out is refused before its password is looked at; every refused password counts
 * towards a lock-out and is audited. Whatever the reason (unknown name, wrong password, disabled
 * account), the caller learns only "refused" or "locked out".
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final LoginAudit audit;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, LoginAudit audit) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String name = authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
		Optional<Duration> locked = throttle.lockedFor(name, address);
		if (locked.isPresent()) {
			log.info("Login refused (locked out for another {}s): user '{}' from {}", locked.get().toSeconds(), name, address);
			throw new LoginThrottledException(locked.get());
		}
		try {
			Authentication result = passwords.authenticate(authentication);
			throttle.succeeded(name);
			return result;
		}
		catch (InternalAuthenticationServiceException broken) {
			throw broken; // the database, not the caller: nothing to count
		}
		catch (AuthenticationException refused) {
			Optional<Duration> lockout = throttle.failed(name, address);
			String detail = channel() + ": " + reason(refused)
					+ lockout.map(d -> "; locked out for " + d.toMinutes() + " min").orElse("");
			log.info("Login failed: user '{}' from {} ({})", name, address, detail);
			audit.failed(name, detail);
			if (lockout.isPresent()) {
				throw new LoginThrottledException(lockout.get());
			}
			throw refused;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String reason(AuthenticationException refused) {
		if (refused instanceof DisabledException) {
			return "account disabled";
		}
		if (refused instanceof BadCredentialsException) {
			return "unknown user or wrong password";
		}
		return refused.getClass().getSimpleName();
	}

	private static String channel() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getRequest().getRequestURI().startsWith(attributes.getRequest().getContextPath() + "/api/")
						? "api" : "login page";
	}
}
