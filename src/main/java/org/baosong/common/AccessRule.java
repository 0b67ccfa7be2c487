package org.baosong.common;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * One line of the authorization matrix: requests with this method (any method when null) and
 * path pattern (Spring's path patterns) are allowed for these roles. Each feature declares its
 * lines in an {@link AccessRules} bean; the web module applies them all and denies whatever no
 * line covers, so an endpoint nobody thought about is closed, not open.
 */
public record AccessRule(HttpMethod method, String pattern, Set<Role> roles) {

	public AccessRule {
		roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	public static AccessRule get(String pattern, Role... roles) {
		return new AccessRule(HttpMethod.GET, pattern, Set.of(roles));
	}

	public static AccessRule post(String pattern, Role... roles) {
		return new AccessRule(HttpMethod.POST, pattern, Set.of(roles));
	}

	public static AccessRule any(String pattern, Role... roles) {
		return new AccessRule(null, pattern, Set.of(roles));
	}

	/** Every role: reading pages that all staff may see. */
	public static Role[] everyone() {
		return Role.values();
	}
}
