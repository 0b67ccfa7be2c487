package org.baosong.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.GatewayTestInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page endpoint that changes something (every handler method that answers a method other than
 * GET, outside {@code /api}) refuses a request without a CSRF token with 403, before any controller
 * runs, so nothing is changed; with the token the same request gets past the check. The API's writing
 * endpoints refuse a form post and a cross-site request instead (ADR 0011).
 */
@GatewayTest
@AutoConfigureMockMvc
class CsrfTest {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcTemplate jdbc;

	@TestFactory
	Stream<DynamicTest> everyWritingPageRefusesARequestWithoutToken() {
		Map<MatrixFile.Endpoint, String> examples = new java.util.HashMap<>();
		MatrixFile.rows().forEach(r -> examples.put(r.endpoint(), r.example()));
		var writing = MatrixFile.handlers(mappings).stream()
			.filter(e -> !SAFE.contains(e.method()) && !e.pattern().startsWith("/api/"))
			.toList();
		assertThat(writing).as("the application has writing pages (else this test proves nothing)").isNotEmpty();
		return writing.stream().map(e -> DynamicTest.dynamicTest(e.method() + " " + e.pattern(), () -> {
			HttpMethod method = e.method().equals(MatrixFile.ANY) ? HttpMethod.POST : HttpMethod.valueOf(e.method());
			String path = examples.getOrDefault(e, e.pattern().replaceAll("\\{[^}]*}", "1"));
			refusedWithoutToken(MockMvcRequestBuilders.request(method, path));
			int withToken;
			try {
				withToken = mvc.perform(MockMvcRequestBuilders.request(method, path).with(user("csrf-admin").roles("ADMIN")).with(csrf()))
					.andReturn().getResponse().getStatus();
			}
			catch (Exception thrownByTheHandler) {
				withToken = 500; // the controller ran (without the parameters it wants): past the check
			}
			assertThat(withToken).as("with the token, %s %s gets past the check", method, path).isNotEqualTo(403);
		}));
	}

	/**
	 * The API has no CSRF tokens, and a browser caches HTTP Basic credentials: every API endpoint that
	 * changes something refuses what another site's HTML form can send (form data, with the cached
	 * credentials), before any controller runs, and anything a browser marks cross-site; a JSON request,
	 * or one marked as a script's, gets past.
	 */
	@TestFactory
	Stream<DynamicTest> everyWritingApiEndpointRefusesACrossSiteFormPost() {
		Map<MatrixFile.Endpoint, String> examples = new java.util.HashMap<>();
		MatrixFile.rows().forEach(r -> examples.put(r.endpoint(), r.example()));
		var writing = MatrixFile.handlers(mappings).stream()
			.filter(e -> !SAFE.contains(e.method()) && e.pattern().startsWith("/api/"))
			.toList();
		assertThat(writing).as("the API has writing endpoints (else this test proves nothing)").isNotEmpty();
		var admin = httpBasic("admin", GatewayTestInitializer.ADMIN_PASSWORD);
		return writing.stream().map(e -> DynamicTest.dynamicTest(e.method() + " " + e.pattern(), () -> {
			HttpMethod method = e.method().equals(MatrixFile.ANY) ? HttpMethod.POST : HttpMethod.valueOf(e.method());
			String path = examples.getOrDefault(e, e.pattern().replaceAll("\\{[^}]*}", "1"));
			var before = snapshot();
			MvcResult form = mvc.perform(MockMvcRequestBuilders.request(method, path).with(admin)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED).content("comment=x")).andReturn();
			assertThat(form.getResponse().getStatus()).as("a form post to %s", path).isEqualTo(415);
			assertThat(form.getResponse().getContentAsString()).contains("API_JSON_REQUIRED");
			assertThat(form.getHandler()).as("no controller ran").isNull();
			MvcResult crossSite = mvc.perform(MockMvcRequestBuilders.request(method, path).with(admin).header("Sec-Fetch-Site", "cross-site")
				.contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
			assertThat(crossSite.getResponse().getStatus()).as("a cross-site request to %s", path).isEqualTo(403);
			assertThat(crossSite.getResponse().getContentAsString()).contains("CROSS_SITE_REQUEST");
			assertThat(crossSite.getHandler()).as("no controller ran").isNull();
			assertThat(snapshot()).as("nothing changed").isEqualTo(before);
			for (var scripted : List.of(MockMvcRequestBuilders.request(method, path).with(admin).contentType(MediaType.APPLICATION_JSON).content("{}"),
					MockMvcRequestBuilders.request(method, path).with(admin).header("X-Requested-With", "script"))) {
				int status;
				try {
					status = mvc.perform(scripted).andReturn().getResponse().getStatus();
				}
				catch (Exception thrownByTheHandler) {
					status = 500; // the controller ran: past the guard
				}
				assertThat(status).as("a script's request to %s gets past the guard", path).isNotIn(401, 403, 415);
			}
		}));
	}

	@Test
	void theLoginAndLogoutFormsNeedTheTokenToo() throws Exception {
		refusedWithoutToken(post("/login").param("username", "admin").param("password", "whatever"));
		refusedWithoutToken(post("/logout"));
		refusedWithoutToken(post("/account/password").param("current", "x").param("password", "y-long-enough").param("repeat", "y-long-enough"));
	}

	private void refusedWithoutToken(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		var before = snapshot();
		MvcResult result = mvc.perform(request.with(user("csrf-admin").roles("ADMIN"))).andExpect(status().isForbidden()).andReturn();
		assertThat(result.getHandler()).as("no controller ran").isNull();
		assertThat(snapshot()).as("nothing changed").isEqualTo(before);
	}

	/** The tables a refused page request could have touched: users and the audit log. */
	private List<Object> snapshot() {
		var state = new ArrayList<Object>();
		state.add(jdbc.queryForList("SELECT id, username, roles, enabled, password_hash, updated_at FROM app_user ORDER BY id"));
		state.add(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class));
		return state;
	}
}
