package org.baosong.web.security;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.baosong.audit.AuditLog;
import org.baosong.common.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts of the web UI. Every change is audited in its transaction; a change that takes
 * rights away (disable, roles, password reset) also ends the user's open sessions. The office can
 * never be left without an enabled administrator.
 */
@Service
class Users {

	static final String TARGET = "user";

	private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{2,64}");

	private final AppUserMapper mapper;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final SessionRegistry sessions;

	private final LoginThrottle throttle;

	private final Clock clock;

	Users(AppUserMapper mapper, PasswordEncoder encoder, AuditLog audit, SessionRegistry sessions, LoginThrottle throttle,
			Clock clock) {
		this.mapper = mapper;
		this.encoder = encoder;
		this.audit = audit;
		this.sessions = sessions;
		this.throttle = throttle;
		this.clock = clock;
	}

	/** A user as the users page shows it: no hash. */
	record UserView(long id, String username, String displayName, Set<Role> roles, boolean enabled) {
	}

	/** Whose password was reset, and the password made up (null when the administrator typed one). */
	record Reset(String username, String generated) {
	}

	/** A change refused, with the message key (security bundle) and its arguments. */
	static class Refused extends RuntimeException {

		private final String key;

		private final transient Object[] args;

		Refused(String key, Object... args) {
			super(key);
			this.key = key;
			this.args = args;
		}

		String key() {
			return key;
		}

		Object[] args() {
			return args;
		}
	}

	@Transactional(readOnly = true)
	public List<UserView> all() {
		return mapper.all().stream().map(Users::view).toList();
	}

	/**
	 * Creates an enabled user. A blank password means "make one up"; the password made up is
	 * returned (to be shown once), null when the administrator typed one.
	 */
	@Transactional
	public String create(String username, String displayName, Set<Role> roles, String password) {
		String name = username == null ? "" : Normalizer.normalize(username, Normalizer.Form.NFKC).strip();
		String shown = displayName == null ? "" : displayName.strip();
		if (!USERNAME.matcher(name).matches()) {
			throw new Refused("security.users.badUsername");
		}
		if (shown.isEmpty() || shown.length() > 100) {
			throw new Refused("security.users.badDisplayName");
		}
		requireRoles(roles);
		if (mapper.all().stream().anyMatch(u -> u.username().equalsIgnoreCase(name))) {
			throw new Refused("security.users.exists", name);
		}
		String generated = password == null || password.isBlank() ? Passwords.generate() : null;
		String chosen = generated != null ? generated : password;
		Passwords.problem(chosen, name).ifPresent(problem -> {
			throw new Refused(problem, Passwords.MIN_LENGTH);
		});
		try {
			mapper.insert(new AppUserMapper.AppUser(null, name, shown, encoder.encode(chosen), rolesText(roles), true), clock.instant());
		}
		catch (DuplicateKeyException taken) {
			throw new Refused("security.users.exists", name);
		}
		audit.record("USER_CREATED", TARGET, name, "display name " + shown + "; roles " + rolesText(roles) + "; password "
				+ (generated != null ? "generated" : "typed by the administrator"));
		return generated;
	}

	@Transactional
	public void changeRoles(long id, Set<Role> roles) {
		requireRoles(roles);
		var all = mapper.lockAll();
		var user = find(all, id);
		Set<Role> before = roles(user);
		if (before.equals(roles)) {
			return;
		}
		if (before.contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && user.enabled() && otherEnabledAdmins(all, id) == 0) {
			throw new Refused("security.users.lastAdmin", user.username());
		}
		mapper.updateRoles(id, rolesText(roles), clock.instant());
		audit.record("USER_ROLES_CHANGED", TARGET, user.username(), rolesText(before) + " -> " + rolesText(roles));
		endSessions(user.username());
	}

	@Transactional
	public void setEnabled(long id, boolean enabled, String actingUser) {
		var all = mapper.lockAll();
		var user = find(all, id);
		if (user.enabled() == enabled) {
			return;
		}
		if (!enabled) {
			if (user.username().equalsIgnoreCase(actingUser)) {
				throw new Refused("security.users.notYourself");
			}
			if (roles(user).contains(Role.ADMIN) && otherEnabledAdmins(all, id) == 0) {
				throw new Refused("security.users.lastAdmin", user.username());
			}
		}
		mapper.updateEnabled(id, enabled, clock.instant());
		audit.record(enabled ? "USER_ENABLED" : "USER_DISABLED", TARGET, user.username(), null);
		if (!enabled) {
			endSessions(user.username());
		}
	}

	/** Sets a new password (blank: made up and returned, to be shown once) and ends any lock-out. */
	@Transactional
	public Reset resetPassword(long id, String password) {
		var user = mapper.findById(id).orElseThrow(() -> new Refused("security.users.notFound"));
		String generated = password == null || password.isBlank() ? Passwords.generate() : null;
		String chosen = generated != null ? generated : password;
		Passwords.problem(chosen, user.username()).ifPresent(problem -> {
			throw new Refused(problem, Passwords.MIN_LENGTH);
		});
		mapper.updatePassword(id, encoder.encode(chosen), clock.instant());
		audit.record("USER_PASSWORD_RESET", TARGET, user.username(),
				generated != null ? "password generated" : "password typed by the administrator");
		endSessions(user.username());
		throttle.release(user.username());
		return new Reset(user.username(), generated);
	}

	/** The user's own change: the current password proves it is them at the keyboard. */
	@Transactional
	public void changeOwnPassword(String username, String current, String next) {
		var user = mapper.findByUsername(username).orElseThrow(() -> new Refused("security.users.notFound"));
		if (current == null || !encoder.matches(current, user.passwordHash())) {
			throw new Refused("security.account.wrongCurrent");
		}
		Passwords.problem(next, user.username()).ifPresent(problem -> {
			throw new Refused(problem, Passwords.MIN_LENGTH);
		});
		if (next.equals(current)) {
			throw new Refused("security.account.unchanged");
		}
		mapper.updatePassword(user.id(), encoder.encode(next), clock.instant());
		audit.record("PASSWORD_CHANGED", TARGET, user.username(), null);
	}

	private void endSessions(String username) {
		for (Object principal : sessions.getAllPrincipals()) {
			if (principal instanceof UserDetails details && details.getUsername().equalsIgnoreCase(username)) {
				sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
			}
		}
	}

	private static AppUserMapper.AppUser find(List<AppUserMapper.AppUser> all, long id) {
		return all.stream().filter(u -> u.id() == id).findFirst().orElseThrow(() -> new Refused("security.users.notFound"));
	}

	private static long otherEnabledAdmins(List<AppUserMapper.AppUser> all, long id) {
		return all.stream().filter(u -> u.id() != id && u.enabled() && roles(u).contains(Role.ADMIN)).count();
	}

	private static void requireRoles(Set<Role> roles) {
		if (roles == null || roles.isEmpty()) {
			throw new Refused("security.users.noRole");
		}
	}

	static Set<Role> roles(AppUserMapper.AppUser user) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(user.roles().split(",")).map(String::strip).filter(r -> !r.isEmpty())
			.forEach(r -> Arrays.stream(Role.values()).filter(role -> role.name().equals(r)).forEach(roles::add));
		return roles;
	}

	private static String rolesText(Set<Role> roles) {
		return EnumSet.copyOf(roles).stream().map(Role::name).collect(Collectors.joining(","));
	}

	private static UserView view(AppUserMapper.AppUser u) {
		return new UserView(u.id(), u.username(), u.displayName(), roles(u), u.enabled());
	}
}
