package org.baosong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The OpenAPI description covers /api only; Swagger UI is served by Baosong and loads nothing from elsewhere. */
@GatewayTest
@AutoConfigureMockMvc
class ApiDocsTest {

	@Autowired
	MockMvc mvc;

	private static final RequestPostProcessor VIEWER = user("reader").roles("VIEWER");

	@Test
	void theDescriptionListsTheApiAndNothingElseWithBasicAuthentication() throws Exception {
		String body = mvc.perform(get("/v3/api-docs").with(VIEWER)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		JsonNode docs = JsonMapper.builder().build().readTree(body);
		var paths = new ArrayList<String>();
		docs.get("paths").propertyNames().forEach(paths::add);
		assertThat(paths).contains("/api/inbound", "/api/inbound/{id}", "/api/submissions/{id}", "/api/stats/outcomes")
			.allMatch(p -> p.startsWith("/api/"));
		assertThat(docs.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
		assertThat(docs.at("/paths/~1api~1stats~1outcomes/get/summary").asString()).isNotBlank();
	}

	@Test
	void swaggerUiIsServedByTheApplicationWithoutAnyOtherOrigin() throws Exception {
		mvc.perform(get("/swagger-ui.html").with(VIEWER)).andExpect(redirectedUrl("/swagger-ui/index.html"));
		String index = content("/swagger-ui/index.html");
		var assets = new ArrayList<String>();
		var reference = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(index);
		while (reference.find()) {
			assets.add(reference.group(1));
		}
		assertThat(assets).isNotEmpty().noneMatch(a -> a.matches("(?i)(https?:)?//.*"));
		for (String asset : assets) {
			mvc.perform(get("/swagger-ui/" + asset.replaceFirst("^\\./", "")).with(VIEWER)).andExpect(status().isOk());
		}
		String initializer = content("/swagger-ui/swagger-initializer.js");
		assertThat(initializer).contains("/v3/api-docs").doesNotContain("petstore").doesNotContainPattern("https?://");
		String config = content("/v3/api-docs/swagger-config");
		assertThat(config).contains("\"validatorUrl\":\"none\"");
	}

	@Test
	void anonymousCallersAreSentToTheLoginPage() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/swagger-ui/index.html")).andExpect(redirectedUrl("/login"));
	}

	private String content(String path) throws Exception {
		return mvc.perform(get(path).with(VIEWER)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}
}
