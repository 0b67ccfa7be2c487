package org.baosong.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.baosong.common.Role;
import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The users page and the own-password page: what an administrator and a user can do, what is
 * refused (the last enabled administrator above all), and that every change is in the audit log.
 */
@GatewayTest
@AutoConfigureMockMvc
class UsersControllerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AppUserMapper users;

	@Autowired
	JdbcTemplate jdbc;

	private static RequestPostProcessor admin() {
		return user("boss").roles("ADMIN");
	}

	@Test
	void anAdministratorCreatesAUserWithAGeneratedPasswordShownOnce() throws Exception {
		MvcResult created = mvc.perform(post("/admin/users").param("username", "zhangsan").param("displayName", "张三")
				.param("roles", "EDITOR", "REVIEWER").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attributeExists("shownPassword"))
			.andReturn();
		var shown = (UsersController.ShownPassword) created.getFlashMap().get("shownPassword");
		assertThat(shown.username()).isEqualTo("zhangsan");
		assertThat(shown.password()).hasSize(14);

		String page = mvc.perform(get("/admin/users").with(admin()).flashAttrs(created.getFlashMap()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(shown.password()).contains("只显示这一次");
		String again = mvc.perform(get("/admin/users").with(admin())).andReturn().getResponse().getContentAsString();
		assertThat(again).contains("zhangsan").contains("张三").doesNotContain(shown.password());

		assertThat(users.findByUsername("zhangsan")).hasValueSatisfying(u -> {
			assertThat(u.roles()).isEqualTo("EDITOR,REVIEWER");
			assertThat(u.passwordHash()).startsWith("{bcrypt}").doesNotContain(shown.password());
		});
		mvc.perform(formLogin().user("zhangsan").password(shown.password())).andExpect(authenticated().withRoles("EDITOR", "REVIEWER"));
		assertThat(audit("USER_CREATED", "zhangsan")).singleElement().satisfies(r -> {
			assertThat(r.get("actor")).isEqualTo("boss");
			assertThat(r.get("detail")).asString().contains("roles EDITOR,REVIEWER").contains("password generated")
				.doesNotContain(shown.password());
		});
	}

	@Test
	void aTypedPasswordIsCheckedAndNeverShown() throws Exception {
		mvc.perform(post("/admin/users").param("username", "lisi").param("displayName", "李四").param("roles", "VIEWER")
				.param("password", "short").with(admin()).with(csrf()))
			.andExpect(flash().attribute("error", "密码太短：至少 10 个字符。"));
		assertThat(users.findByUsername("lisi")).isEmpty();

		mvc.perform(post("/admin/users").param("username", "lisi").param("displayName", "李四").param("roles", "VIEWER")
				.param("password", "lisi-typed-password").with(admin()).with(csrf()))
			.andExpect(flash().attributeCount(1))
			.andExpect(flash().attribute("notice", "已新建用户 lisi。"));
		mvc.perform(formLogin().user("lisi").password("lisi-typed-password")).andExpect(authenticated());
	}

	@Test
	void namesAreUniqueWhateverTheCaseAndEveryUserNeedsARole() throws Exception {
		create("wangwu", Role.VIEWER);
		mvc.perform(post("/admin/users").param("username", "WangWu").param("displayName", "x").param("roles", "VIEWER")
				.with(admin()).with(csrf()))
			.andExpect(flash().attribute("error", "用户名 WangWu 已被使用。"));
		mvc.perform(post("/admin/users").param("username", "noroles").param("displayName", "x").with(admin()).with(csrf()))
			.andExpect(flash().attribute("error", "请至少选择一个角色。"));
		mvc.perform(post("/admin/users").param("username", "has space").param("displayName", "x").param("roles", "VIEWER")
				.with(admin()).with(csrf()))
			.andExpect(flash().attribute("error", "用户名须为 2–64 个字母、数字或 . _ @ -，不含空格。"));
	}

	@Test
	void rolesChangeIsAuditedAndEndsTheUsersSessions() throws Exception {
		long id = create("zhaoliu", Role.VIEWER);
		MockHttpSession session = loginSession("zhaoliu");
		mvc.perform(get("/registry").session(session)).andExpect(status().isOk());

		mvc.perform(post("/admin/users/{id}/roles", id).param("roles", "EDITOR", "VIEWER").with(admin()).with(csrf()))
			.andExpect(flash().attribute("notice", "角色已修改；该用户需重新登录。"));

		assertThat(users.findById(id)).hasValueSatisfying(u -> assertThat(u.roles()).isEqualTo("EDITOR,VIEWER"));
		assertThat(audit("USER_ROLES_CHANGED", "zhaoliu")).singleElement()
			.satisfies(r -> assertThat(r.get("detail")).isEqualTo("VIEWER -> EDITOR,VIEWER"));
		mvc.perform(get("/registry").session(session)).andExpect(redirectedUrl("/login?expired"));
		assertThat(audit("LOGOUT", "zhaoliu")).singleElement().satisfies(r -> assertThat(r.get("actor")).isEqualTo("zhaoliu"));
	}

	@Test
	void disablingEndsTheSessionAndRefusesTheNextLogin() throws Exception {
		long id = create("sunqi", Role.EDITOR);
		MockHttpSession session = loginSession("sunqi");

		mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false").with(admin()).with(csrf()))
			.andExpect(flash().attribute("notice", "用户已停用，其登录会话已结束。"));

		mvc.perform(get("/registry").session(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(formLogin().user("sunqi").password(PASSWORD)).andExpect(unauthenticated());

		mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "true").with(admin()).with(csrf()));
		mvc.perform(formLogin().user("sunqi").password(PASSWORD)).andExpect(authenticated());
		assertThat(audit(null, "sunqi")).extracting(r -> r.get("action")).contains("USER_DISABLED", "USER_ENABLED");
	}

	@Test
	void theLastEnabledAdministratorKeepsAccountAndRole() throws Exception {
		long last = create("last-admin", Role.ADMIN);
		List<Long> others = jdbc.queryForList(
				"SELECT id FROM app_user WHERE enabled = TRUE AND roles LIKE '%ADMIN%' AND username <> 'last-admin'", Long.class);
		others.forEach(other -> users.updateEnabled(other, false, java.time.Instant.now()));
		try {
			mvc.perform(post("/admin/users/{id}/enabled", last).param("enabled", "false").with(admin()).with(csrf()))
				.andExpect(flash().attribute("error",
						"last-admin 是最后一个在用的管理员：不能停用，也不能取消其管理员角色。请先让另一位用户成为管理员。"));
			mvc.perform(post("/admin/users/{id}/roles", last).param("roles", "EDITOR").with(admin()).with(csrf()))
				.andExpect(flash().attributeExists("error"));

			assertThat(users.findById(last)).hasValueSatisfying(u -> {
				assertThat(u.enabled()).isTrue();
				assertThat(u.roles()).isEqualTo("ADMIN");
			});
			assertThat(audit(null, "last-admin")).extracting(r -> r.get("action")).containsExactly("USER_CREATED");

			long second = create("second-admin", Role.ADMIN);
			mvc.perform(post("/admin/users/{id}/roles", last).param("roles", "EDITOR").with(admin()).with(csrf()))
				.andExpect(flash().attributeExists("notice"));
			mvc.perform(post("/admin/users/{id}/enabled", second).param("enabled", "false").with(admin()).with(csrf()))
				.andExpect(flash().attributeExists("error"));
		}
		finally {
			others.forEach(other -> users.updateEnabled(other, true, java.time.Instant.now()));
		}
	}

	@Test
	void nobodyDisablesTheirOwnAccount() throws Exception {
		long id = create("self-admin", Role.ADMIN);
		mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false").with(user("self-admin").roles("ADMIN")).with(csrf()))
			.andExpect(flash().attribute("error", "不能停用自己的账号。"));
	}

	@Test
	void aResetPasswordIsShownOnceEndsSessionsAndIsAudited() throws Exception {
		long id = create("zhouba", Role.VIEWER);
		MockHttpSession session = loginSession("zhouba");
		MvcResult reset = mvc.perform(post("/admin/users/{id}/password", id).with(admin()).with(csrf()))
			.andExpect(flash().attributeExists("shownPassword")).andReturn();
		String password = ((UsersController.ShownPassword) reset.getFlashMap().get("shownPassword")).password();

		mvc.perform(get("/registry").session(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(formLogin().user("zhouba").password(PASSWORD)).andExpect(unauthenticated());
		mvc.perform(formLogin().user("zhouba").password(password)).andExpect(authenticated());
		assertThat(audit("USER_PASSWORD_RESET", "zhouba")).singleElement()
			.satisfies(r -> assertThat(r.get("detail")).isEqualTo("password generated"));
	}

	@Test
	void everyUserChangesTheirOwnPasswordWithTheCurrentOne() throws Exception {
		create("wujiu", Role.REVIEWER);
		var me = user("wujiu").roles("REVIEWER");
		mvc.perform(get("/account/password").with(me)).andExpect(status().isOk());

		mvc.perform(post("/account/password").param("current", "not-it").param("password", "a-new-password").param("repeat", "a-new-password")
				.with(me).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/account/password").param("current", PASSWORD).param("password", "short").param("repeat", "short")
				.with(me).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/account/password").param("current", PASSWORD).param("password", "a-new-password").param("repeat", "different-one")
				.with(me).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/account/password").param("current", PASSWORD).param("password", "密".repeat(25)).param("repeat", "密".repeat(25))
				.with(me).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(audit("PASSWORD_CHANGED", "wujiu")).isEmpty();

		mvc.perform(post("/account/password").param("current", PASSWORD).param("password", "a-new-password").param("repeat", "a-new-password")
				.with(me).with(csrf()))
			.andExpect(redirectedUrl("/account/password"))
			.andExpect(flash().attribute("notice", "密码已修改。"));
		mvc.perform(formLogin().user("wujiu").password("a-new-password")).andExpect(authenticated());
		assertThat(audit("PASSWORD_CHANGED", "wujiu")).singleElement().satisfies(r -> assertThat(r.get("actor")).isEqualTo("wujiu"));
	}

	@Test
	void theUsersPageListsRolesAndStates() throws Exception {
		create("zhengshi", Role.REVIEWER);
		String page = mvc.perform(get("/admin/users").with(admin())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("zhengshi").contains("name=\"_csrf\"").contains("保存角色").contains("停用");
	}

	static final String PASSWORD = "initial-password";

	private long create(String username, Role role) throws Exception {
		mvc.perform(post("/admin/users").param("username", username).param("displayName", username).param("roles", role.name())
				.param("password", PASSWORD).with(admin()).with(csrf()))
			.andExpect(flash().attributeExists("notice"));
		return users.findByUsername(username).orElseThrow().id();
	}

	private MockHttpSession loginSession(String username) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(authenticated())
			.andReturn().getRequest().getSession(false);
	}

	private List<Map<String, Object>> audit(String action, String target) {
		return jdbc.queryForList("SELECT actor, action, detail FROM audit_log WHERE target_type = 'user' AND target_id = ? "
				+ "AND action LIKE ? AND action NOT LIKE 'LOGIN%' ORDER BY id", target, action == null ? "%" : action);
	}
}
