package org.baosong.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/**} (springdoc; {@code springdoc.paths-to-match} in
 * config/application.yml keeps the pages out of it), and Swagger UI, both served by Baosong itself
 * to logged-in staff: {@code /v3/api-docs}, {@code /swagger-ui.html}. The API is called with HTTP
 * Basic, so "Try it out" asks for a user name and password ("Authorize").
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	@Bean
	OpenAPI baosongOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Baosong 报送 API").version("1")
				.description("Intake, submissions and statistics for other government systems. Every call needs HTTP Basic "
						+ "with a Baosong user; what a role may call is the same authorization matrix as the web UI. A call that changes "
						+ "something (POST, PUT, DELETE) must send Content-Type: application/json, or an X-Requested-With header when it "
						+ "has no body; anything else is refused (415 API_JSON_REQUIRED), and so is a browser's cross-site request "
						+ "(403 CROSS_SITE_REQUEST)."))
			.components(new Components().addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

	/** Reading the API's description and its UI: every logged-in role (what each may call is the matrix). */
	@Bean
	AccessRules apiDocsAccessRules() {
		return () -> List.of(
				AccessRule.get("/v3/api-docs", AccessRule.everyone()),
				AccessRule.get("/v3/api-docs/**", AccessRule.everyone()),
				AccessRule.get("/v3/api-docs.yaml", AccessRule.everyone()),
				AccessRule.get("/swagger-ui.html", AccessRule.everyone()),
				AccessRule.get("/swagger-ui/**", AccessRule.everyone()));
	}
}
