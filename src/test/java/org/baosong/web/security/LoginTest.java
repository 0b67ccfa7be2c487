package org.baosong.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.GatewayTestInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Production mode (no demo): the first administrator logs in with the configured password, and only
 * with it; logins are audited; too many failures lock a name (or an address) out, on the login page
 * and on the API, with a message that is the same whether the name exists or not. The default
 * settings apply: 5 failures per name, 20 per address. Each test uses names and addresses of its
 * own, because the counters live as long as the application context.
 */
@GatewayTest
@AutoConfigureMockMvc
class LoginTest {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	AppUserMapper users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theInitialAdministratorLogsInWithTheConfiguredPassword() throws Exception {
		mvc.perform(formLogin().user("admin").password(GatewayTestInitializer.ADMIN_PASSWORD))
			.andExpect(authenticated().withUsername("admin").withRoles("ADMIN"));
	}

	@Test
	void aWrongPasswordOrAnUnknownUserIsRefused() throws Exception {
		mvc.perform(formLogin().user("admin").password("wrong")).andExpect(unauthenticated());
		mvc.perform(formLogin().user("editor").password(GatewayTestInitializer.ADMIN_PASSWORD)).andExpect(unauthenticated());
	}

	@Test
	void passwordsAreStoredAsBcryptWithTheAlgorithmNamed() {
		assertThat(users.findByUsername("admin")).hasValueSatisfying(u -> assertThat(u.passwordHash()).startsWith("{bcrypt}$2a$10$"));
	}

	@Test
	void aHashWrittenBeforeTheAlgorithmWasNamedStillWorks() throws Exception {
		createUser("legacy-hash", "a-legacy-password", false);
		mvc.perform(login("legacy-hash", "a-legacy-password", nextAddress())).andExpect(authenticated().withUsername("legacy-hash"));
	}

	@Test
	void loginsAndFailuresAreAuditedUnderTheNameTyped() throws Exception {
		createUser("audited", "audited-password", true);
		mvc.perform(login("audited", "audited-password", nextAddress())).andExpect(authenticated());
		mvc.perform(login("audited", "not-the-password", nextAddress())).andExpect(redirectedUrl("/login?error"));
		mvc.perform(login("nobody-here", "whatever-password", nextAddress())).andExpect(redirectedUrl("/login?error"));

		assertThat(audit("audited")).extracting(r -> r.get("action")).containsExactly("LOGIN", "LOGIN_FAILED");
		assertThat(audit("audited").get(1).get("detail")).isEqualTo("login page: unknown user or wrong password");
		assertThat(audit("nobody-here")).singleElement().satisfies(r -> {
			assertThat(r.get("action")).isEqualTo("LOGIN_FAILED");
			assertThat(r.get("target_id")).isEqualTo("nobody-here");
			assertThat(r.get("remote_addr")).asString().startsWith("10.77.");
		});
	}

	@Test
	void theFifthFailureLocksTheNameOutAndTheRightPasswordThenWaits() throws Exception {
		createUser("guessed", "guessed-password", true);
		for (int i = 1; i <= 4; i++) {
			mvc.perform(login("guessed", "guess-" + i, nextAddress())).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(login("guessed", "guess-5", nextAddress())).andExpect(redirectedUrl("/login?locked=1"));
		mvc.perform(login("guessed", "guessed-password", nextAddress()))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?locked=1"));
		assertThat(audit("guessed")).extracting(r -> r.get("detail")).last().asString().endsWith("; locked out for 1 min");
		assertThat(audit("guessed")).noneMatch(r -> "LOGIN".equals(r.get("action")));
	}

	@Test
	void anUnknownNameIsLockedOutTheSameWaySoTheMessageRevealsNothing() throws Exception {
		for (int i = 1; i <= 4; i++) {
			mvc.perform(login("does-not-exist", "guess-" + i, nextAddress())).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(login("does-not-exist", "guess-5", nextAddress())).andExpect(redirectedUrl("/login?locked=1"));
	}

	@Test
	void theLoginPageSaysHowLongToWaitAndNothingElse() throws Exception {
		String page = mvc.perform(get("/login").param("locked", "2")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("登录失败次数过多，已暂时锁定，请 2 分钟后再试。").doesNotContain("用户名或密码不正确");
		String english = mvc.perform(get("/login").param("locked", "<script>").param("lang", "en")).andReturn().getResponse()
			.getContentAsString();
		assertThat(english).contains("Try again in 1 minute(s).").doesNotContain("<script>");
	}

	@Test
	void oneAddressTryingManyNamesIsLockedOut() throws Exception {
		String address = nextAddress();
		for (int i = 1; i <= 19; i++) {
			mvc.perform(login("sprayed-" + i, "guess", address)).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(login("sprayed-20", "guess", address)).andExpect(redirectedUrl("/login?locked=1"));
		mvc.perform(login("admin", GatewayTestInitializer.ADMIN_PASSWORD, address)).andExpect(unauthenticated());
		mvc.perform(login("admin", GatewayTestInitializer.ADMIN_PASSWORD, nextAddress())).andExpect(authenticated());
	}

	@Test
	void theApiIsThrottledToo() throws Exception {
		createUser("script", "script-password", true);
		for (int i = 1; i <= 5; i++) {
			mvc.perform(get("/api/submissions/1").with(httpBasic("script", "guess-" + i)).with(from(nextAddress())))
				.andExpect(status().isUnauthorized());
		}
		mvc.perform(get("/api/submissions/999999").with(httpBasic("script", "script-password")).with(from(nextAddress())))
			.andExpect(status().isUnauthorized());
		assertThat(audit("script")).hasSize(5).allSatisfy(r -> assertThat(r.get("detail")).asString().startsWith("api: "));
	}

	private MockHttpServletRequestBuilder login(String username, String password, String address) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** A client address no other test uses, so per-address counts never leak between tests. */
	private static String nextAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "10.77." + (n / 250) + "." + (n % 250 + 1);
	}

	private void createUser(String username, String password, boolean prefixed) {
		String hash = new BCryptPasswordEncoder(4).encode(password);
		users.insert(new AppUserMapper.AppUser(null, username, username, prefixed ? "{bcrypt}" + hash : hash, "VIEWER", true),
				Instant.now());
	}

	private List<Map<String, Object>> audit(String actor) {
		return jdbc.queryForList("SELECT action, target_id, detail, remote_addr FROM audit_log WHERE actor = ? ORDER BY id", actor);
	}
}
