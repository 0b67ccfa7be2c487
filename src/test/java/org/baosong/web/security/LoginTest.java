package org.baosong.web.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import org.junit.jupiter.api.Test;

import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.GatewayTestInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Production mode (no demo): the first administrator logs in with the configured password, and only with it. */
@GatewayTest
@AutoConfigureMockMvc
class LoginTest {

	@Autowired
	MockMvc mvc;

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
}
