package org.baosong.web.security;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.baosong.common.ConfigurationError;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param initialAdminPassword the password of the first administrator, required when the database
 *                             has no user yet and demo mode is off (set it from the environment:
 *                             {@code BAOSONG_SECURITY_INITIAL_ADMIN_PASSWORD})
 * @param loginThrottle        how failed logins slow down password guessing (ADR 0011)
 */
@Validated
@ConfigurationProperties(prefix = "baosong.security", ignoreUnknownFields = false)
public record SecurityProperties(String initialAdminPassword, @Valid @NotNull @DefaultValue LoginThrottle loginThrottle) {

	/**
	 * Failed logins counted per user name and per client address, for the form and for HTTP Basic
	 * alike. After {@code maxFailuresPerUser} failures for one name (or {@code maxFailuresPerAddress}
	 * from one address) within {@code window}, that name (or address) is refused for
	 * {@code lockout}; each further lock-out of the same name or address doubles, up to
	 * {@code maxLockout}. A quiet {@code window} after a lock-out forgets the count.
	 *
	 * @param maxFailuresPerUser    failures for one user name before it is locked out
	 * @param maxFailuresPerAddress failures from one client address before it is locked out (higher:
	 *                              an office behind one NAT address shares it)
	 * @param window                failures older than this are forgotten
	 * @param lockout               the first lock-out
	 * @param maxLockout            the longest lock-out
	 */
	public record LoginThrottle(
			@Min(1) @DefaultValue("5") int maxFailuresPerUser,
			@Min(1) @DefaultValue("20") int maxFailuresPerAddress,
			@NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration window,
			@NotNull @DurationMin(seconds = 1) @DefaultValue("1m") Duration lockout,
			@NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration maxLockout) {

		public LoginThrottle {
			if (lockout != null && maxLockout != null && maxLockout.compareTo(lockout) < 0) {
				throw new ConfigurationError("baosong.security.login-throttle.max-lockout",
						"is " + maxLockout + ", shorter than baosong.security.login-throttle.lockout (" + lockout + ")");
			}
		}
	}
}
