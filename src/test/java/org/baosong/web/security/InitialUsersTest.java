package org.baosong.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.baosong.common.BaosongProperties;
import org.baosong.common.ConfigurationError;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class InitialUsersTest {

	private final FakeUsers users = new FakeUsers();

	private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC);

	private InitialUsers initialUsers(boolean demo, String adminPassword) {
		var baosong = new BaosongProperties(Path.of("data"), ZoneOffset.UTC, new BaosongProperties.Demo(demo, Path.of("config/demo")));
		return new InitialUsers(users, encoder, baosong, new SecurityProperties(adminPassword, throttleDefaults()), clock);
	}

	static SecurityProperties.LoginThrottle throttleDefaults() {
		return new SecurityProperties.LoginThrottle(5, 20, java.time.Duration.ofMinutes(15), java.time.Duration.ofMinutes(1),
				java.time.Duration.ofHours(1));
	}

	@Test
	void productionWithoutAnInitialPasswordRefusesToStartNamingTheKey() {
		assertThatThrownBy(() -> initialUsers(false, null).run(null)).isInstanceOf(ConfigurationError.class)
			.satisfies(e -> assertThat(((ConfigurationError) e).key()).isEqualTo("baosong.security.initial-admin-password"));
		assertThat(users.inserted).isEmpty();
	}

	@Test
	void aShortInitialPasswordIsRefused() {
		assertThatThrownBy(() -> initialUsers(false, "short").run(null)).isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("at least 12");
	}

	@Test
	void productionCreatesOnlyTheAdministratorWithAHashedPassword() {
		var initial = initialUsers(false, "a-long-enough-password");
		initial.run(null);
		assertThat(users.inserted).singleElement().satisfies(u -> {
			assertThat(u.username()).isEqualTo("admin");
			assertThat(u.roles()).isEqualTo("ADMIN");
			assertThat(u.passwordHash()).startsWith("$2").doesNotContain("a-long-enough-password");
			assertThat(encoder.matches("a-long-enough-password", u.passwordHash())).isTrue();
		});
	}

	@Test
	void theDemoCreatesAnAdministratorAndAnEditorWithRandomPasswords() {
		var initial = initialUsers(true, null);
		initial.run(null);
		assertThat(users.inserted).extracting(AppUserMapper.AppUser::username).containsExactly("admin", "editor");
		var created = initial.createdAtThisStart();
		assertThat(created.get(0).password()).hasSize(14).isNotEqualTo(created.get(1).password());
		assertThat(encoder.matches(created.get(1).password(), users.inserted.get(1).passwordHash())).isTrue();
	}

	@Test
	void nothingHappensWhenUsersExist() {
		users.inserted.add(new AppUserMapper.AppUser(1L, "someone", "x", "x", "ADMIN", true));
		var initial = initialUsers(false, null);
		initial.run(null);
		assertThat(users.inserted).hasSize(1);
		assertThat(initial.createdAtThisStart()).isEmpty();
	}

	static class FakeUsers implements AppUserMapper {

		final List<AppUser> inserted = new ArrayList<>();

		@Override
		public Optional<AppUser> findByUsername(String username) {
			return inserted.stream().filter(u -> u.username().equals(username)).findFirst();
		}

		@Override
		public long count() {
			return inserted.size();
		}

		@Override
		public void insert(AppUser user, Instant now) {
			inserted.add(user);
		}

		@Override
		public Optional<AppUser> findById(long id) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<AppUser> all() {
			return List.copyOf(inserted);
		}

		@Override
		public List<AppUser> lockAll() {
			throw new UnsupportedOperationException();
		}

		@Override
		public void updateRoles(long id, String roles, Instant now) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void updateEnabled(long id, boolean enabled, Instant now) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void updatePassword(long id, String passwordHash, Instant now) {
			throw new UnsupportedOperationException();
		}
	}
}
