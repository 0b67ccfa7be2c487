package org.baosong.web.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.common.BaosongProperties;
import org.baosong.common.Role;
import org.baosong.common.ConfigurationError;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first users. The embedded demo creates an administrator and an editor with random passwords
 * and tells the operator in the start-up line; a production start on an empty user table requires
 * an explicit {@code baosong.security.initial-admin-password}, so no deployment ever runs with a
 * password someone could read in the repository.
 */
@Component
@Order(20)
public class InitialUsers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);

	static final int MIN_PASSWORD_LENGTH = 12;

	private final AppUserMapper users;

	private final PasswordEncoder encoder;

	private final BaosongProperties baosong;

	private final SecurityProperties security;

	private final Clock clock;

	private final List<Credentials> created = new ArrayList<>();

	InitialUsers(AppUserMapper users, PasswordEncoder encoder, BaosongProperties baosong, SecurityProperties security,
			Clock clock) {
		this.users = users;
		this.encoder = encoder;
		this.baosong = baosong;
		this.security = security;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (users.count() > 0) {
			return;
		}
		String adminPassword = security.initialAdminPassword();
		if (adminPassword == null || adminPassword.isBlank()) {
			if (!baosong.demo().enabled()) {
				throw new ConfigurationError("baosong.security.initial-admin-password",
						"the database has no user yet: set the first administrator's password "
								+ "(environment variable BAOSONG_SECURITY_INITIAL_ADMIN_PASSWORD)");
			}
			adminPassword = randomPassword();
		}
		else if (adminPassword.length() < MIN_PASSWORD_LENGTH) {
			throw new ConfigurationError("baosong.security.initial-admin-password",
					"must be at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		create("admin", "系统管理员", adminPassword, Role.ADMIN);
		if (baosong.demo().enabled()) {
			create("editor", "演示采编", randomPassword(), Role.EDITOR);
		}
		log.info("Created the first users: {}", created.stream().map(Credentials::username).toList());
	}

	/** Users created at this start, with their passwords, for the start-up line; empty on later starts. */
	public List<Credentials> createdAtThisStart() {
		return List.copyOf(created);
	}

	private void create(String username, String displayName, String password, Role role) {
		users.insert(new AppUserMapper.AppUser(null, username, displayName, encoder.encode(password), role.name(), true),
				clock.instant());
		created.add(new Credentials(username, password));
	}

	private static String randomPassword() {
		return Passwords.generate();
	}

	public record Credentials(String username, String password) {
	}
}
