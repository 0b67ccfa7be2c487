package org.baosong.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.baosong.registry.Registry;
import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Who may do what on the registry pages; uploads need CSRF; a refused file shows every problem. */
@GatewayTest(properties = "baosong.demo.enabled=true")
@AutoConfigureMockMvc
class RegistryControllerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Registry registry;

	private static RequestPostProcessor as(String role) {
		return user("u-" + role.toLowerCase()).roles(role);
	}

	@ParameterizedTest(name = "{0} GET {1} -> {2}")
	@CsvSource({
			"ANONYMOUS, /registry, 302",
			"VIEWER,    /registry, 200",
			"ANONYMOUS, /registry/export/registry.xlsx, 302",
			"VIEWER,    /registry/export/registry.xlsx, 403",
			"REVIEWER,  /registry/export/units.csv, 403",
			"EDITOR,    /registry/export/registry.xlsx, 200",
			"ADMIN,     /registry/export/informants.csv, 200",
			"ANONYMOUS, /actuator/health, 200",
			"ANONYMOUS, /actuator/info, 200" })
	void readAccess(String role, String path, int expected) throws Exception {
		var request = get(path);
		if (!role.equals("ANONYMOUS")) {
			request.with(as(role));
		}
		mvc.perform(request).andExpect(status().is(expected));
	}

	@ParameterizedTest(name = "{0} may not import")
	@CsvSource({ "VIEWER", "REVIEWER", "EDITOR" })
	void onlyAdministratorsImport(String role) throws Exception {
		mvc.perform(multipart("/registry/import").file(demoInformants()).with(as(role)).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void anImportWithoutCsrfTokenIsRefused() throws Exception {
		mvc.perform(multipart("/registry/import").file(demoInformants()).with(as("ADMIN"))).andExpect(status().isForbidden());
	}

	@Test
	void theCsvExportIsTheWholeTable() throws Exception {
		String csv = mvc.perform(get("/registry/export/units.csv").with(as("EDITOR")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines()).hasSize(131).first().asString().contains("代码,单位名称");
	}

	@Test
	void exportsAreDownloadsThatTheBrowserMustNotSniff() throws Exception {
		mvc.perform(get("/registry/export/registry.xlsx").with(as("EDITOR")))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"registry.xlsx\""))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void aRefusedUploadShowsEveryProblemAndChangesNothing() throws Exception {
		var before = registry.snapshot();
		String csv = "单位,姓名,电子邮箱\n不存在区,张三,zs@example.gov.cn\n越秀区政府,,bad-address\n";
		var file = new MockMultipartFile("file", "信息员.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));

		String page = mvc.perform(multipart("/registry/import").file(file).param("table", "informants").with(as("ADMIN")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

		assertThat(page).contains("名录没有任何改动").contains("不存在区").contains("姓名不能为空").contains("bad-address");
		assertThat(registry.snapshot()).isEqualTo(before);
	}

	@Test
	void aGoodUploadRedirectsToTheRegistry() throws Exception {
		mvc.perform(multipart("/registry/import").file(demoInformants()).param("table", "informants").with(as("ADMIN")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/registry"));
	}

	@Test
	void anonymousUsersAreSentToTheLoginPage() throws Exception {
		mvc.perform(get("/registry")).andExpect(redirectedUrl("/login"));
	}

	private static MockMultipartFile demoInformants() throws Exception {
		return new MockMultipartFile("file", "informants.csv", "text/csv", Files.readAllBytes(Path.of("config/demo/informants.csv")));
	}
}
