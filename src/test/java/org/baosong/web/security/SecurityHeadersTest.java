package org.baosong.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.GatewayTestInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Security headers on pages and API, a controller's own CSP left alone, session timeout and session end. */
@GatewayTest
@AutoConfigureMockMvc
class SecurityHeadersTest {

	static final String MAIL_FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("springSecurityFilterChain")
	Filter springSecurityFilterChain;

	@Autowired
	ServletContext servletContext;

	@Test
	void pagesCarryTheStrictPolicyAndTheOtherHeaders() throws Exception {
		expectSecurityHeaders(mvc.perform(get("/login")).andExpect(status().isOk()));
		expectSecurityHeaders(mvc.perform(get("/").with(user("v").roles("VIEWER"))).andExpect(status().isOk()));
	}

	@Test
	void theApiCarriesThemToo() throws Exception {
		expectSecurityHeaders(mvc.perform(get("/api/submissions/999999").with(httpBasic("admin", GatewayTestInitializer.ADMIN_PASSWORD)))
			.andExpect(status().isNotFound()));
	}

	@Test
	void swaggerUiAloneMayInsertStyleElementsButNoScript() throws Exception {
		mvc.perform(get("/swagger-ui/index.html").with(user("v").roles("VIEWER")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.SWAGGER_UI_POLICY));
		assertThat(SecurityConfiguration.SWAGGER_UI_POLICY).contains("style-src 'self' 'unsafe-inline';").contains("script-src 'self';");
	}

	private static void expectSecurityHeaders(ResultActions result) throws Exception {
		result.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
	}

	/**
	 * The original mail's frame sets its own, stricter policy: the application's security filter
	 * chain must leave it as it is, neither overwritten nor doubled.
	 */
	@Test
	void aPolicySetByTheControllerIsKeptAsItIs() throws Exception {
		MockMvc withOwnPolicy = MockMvcBuilders.standaloneSetup(new OwnPolicyController())
			.apply(springSecurity(springSecurityFilterChain))
			.build();
		var response = withOwnPolicy.perform(get("/").with(user("v").roles("VIEWER"))).andExpect(status().isOk()).andReturn().getResponse();
		assertThat(response.getHeaders("Content-Security-Policy")).containsExactly(MAIL_FRAME_POLICY);
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@RestController
	static class OwnPolicyController {

		@GetMapping("/")
		String frame(HttpServletResponse response) {
			response.setHeader("Content-Security-Policy", MAIL_FRAME_POLICY);
			return "<p>mail</p>";
		}
	}

	@Test
	void theServletContainerEndsIdleSessionsAfterTheConfiguredThirtyMinutes() {
		assertThat(servletContext.getSessionTimeout()).isEqualTo(30);
	}

	@Test
	void aRequestWithAnEndedSessionGoesToTheLoginPageWithAMessage() throws Exception {
		mvc.perform(get("/registry").with(request -> {
			request.setRequestedSessionId("ended-long-ago");
			request.setRequestedSessionIdValid(false);
			return request;
		})).andExpect(redirectedUrl("/login?expired"));
		String page = mvc.perform(get("/login").param("expired", "")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("会话已结束");
	}

	@Test
	void loggingOutEndsTheSessionAndDeletesItsCookie() throws Exception {
		var result = mvc.perform(post("/logout").with(user("v").roles("VIEWER")).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"))
			.andReturn();
		assertThat(result.getResponse().getCookie("JSESSIONID")).isNotNull().satisfies(c -> assertThat(c.getMaxAge()).isZero());
	}
}
