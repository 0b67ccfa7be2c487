package org.baosong.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.baosong.registry.Registry;
import org.baosong.registry.Unit;
import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Registry administration in the browser: the page shows sequences, units with aliases and informants, and all
 * informants; an administrator edits one unit (checked like an import, audited) and activates or deactivates
 * it; a refused import shows its report as a table. Works on units no other test of this context sends from.
 */
@GatewayTest(properties = "baosong.demo.enabled=true")
@AutoConfigureMockMvc
class RegistryAdministrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Registry registry;

	@Autowired
	JdbcTemplate jdbc;

	static RequestPostProcessor as(String role) {
		return user("u-" + role.toLowerCase()).roles(role);
	}

	private Unit unit(String code) {
		return registry.units().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
	}

	private String page(String path, String role) throws Exception {
		return mvc.perform(get(path).with(as(role))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void thePageShowsSequencesUnitsWithAliasesAndInformants() throws Exception {
		String page = page("/registry", "VIEWER");
		assertThat(page).contains("id=\"sequence-table\"").contains("区（县级市）序列").contains("直报点序列B类").contains("50%")
			.contains("越秀区政府").contains("越秀区人民政府")
			.contains("id=\"informant-table\"").contains("xxb.d01@demo.baosong.test").contains("王明");
		// a viewer neither edits, nor imports, nor sees export links it may not follow
		assertThat(page).doesNotContain("/registry/units/").doesNotContain("/registry/import").doesNotContain("/registry/export/");
		String admin = page("/registry", "ADMIN");
		assertThat(admin).contains("href=\"/registry/units/" + unit("ZB30").id() + "/edit\"")
			.contains("action=\"/registry/units/" + unit("ZB30").id() + "/active\"").contains("/registry/import")
			.contains("/registry/export/registry.xlsx");
	}

	@Test
	void anAdministratorEditsAUnitAndTheChangeIsAudited() throws Exception {
		Unit before = unit("ZB31");
		assertThat(page("/registry/units/" + before.id() + "/edit", "ADMIN")).contains("value=\"广州交通集团\"");
		try {
			mvc.perform(post("/registry/units/" + before.id()).param("name", "广州交通集团有限公司").param("shortName", "广州交投")
					.param("aliases", "交通集团、广州市交通集团\n交通集团").param("sequenceCode", "direct-a").param("parentCode", "")
					.param("sortOrder", "7").with(as("ADMIN")).with(csrf()))
				.andExpect(redirectedUrl("/registry#unit-" + before.id()))
				.andExpect(flash().attributeExists("notice"));

			Unit after = unit("ZB31");
			assertThat(after.name()).isEqualTo("广州交通集团有限公司");
			assertThat(after.shortName()).isEqualTo("广州交投");
			assertThat(after.aliases()).containsExactly("交通集团", "广州市交通集团");
			assertThat(after.sequenceCode()).isEqualTo("direct-a");
			assertThat(after.sortOrder()).isEqualTo(7);
			assertThat(after.active()).isTrue();
			// screening finds the unit by its new alias
			assertThat(registry.unitByNameOrAlias("广州市交通集团")).map(Unit::code).contains("ZB31");
			assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'registry.unit.update' AND target_id = ? "
					+ "ORDER BY id DESC LIMIT 1", String.class, String.valueOf(before.id())))
				.contains("name=广州交通集团,").contains("name=广州交通集团有限公司");
		}
		finally {
			// as it was: other tests of this context import files that name the unit as the demo registry does
			mvc.perform(post("/registry/units/" + before.id()).param("name", before.name()).param("shortName", "")
					.param("aliases", String.join("、", before.aliases())).param("sequenceCode", before.sequenceCode())
					.param("parentCode", "").param("sortOrder", String.valueOf(before.sortOrder())).with(as("ADMIN")).with(csrf()))
				.andExpect(status().isFound());
			assertThat(unit("ZB31")).isEqualTo(before);
		}
	}

	@Test
	void aChangeThatClashesOrLacksANameIsRefusedWithEveryProblemAndChangesNothing() throws Exception {
		Unit before = unit("ZB32");
		String page = mvc.perform(post("/registry/units/" + before.id()).param("name", " ").param("aliases", "越秀区、海珠区人民政府")
				.param("sequenceCode", "nowhere").param("parentCode", before.code()).param("sortOrder", "x")
				.with(as("ADMIN")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("单位名称不能为空").contains("「越秀区」已是单位 D01（越秀区政府）的名称、简称或别名")
			.contains("「海珠区人民政府」已是单位 D03").contains("序列「nowhere」").contains("不能是自己的上级单位").contains("排序号必须是整数")
			// the form keeps what was typed
			.contains("越秀区、海珠区人民政府");
		assertThat(unit("ZB32")).isEqualTo(before);
	}

	@Test
	void aUnitIsDeactivatedAndActivatedAgainAudited() throws Exception {
		Unit unit = unit("ZB33");
		mvc.perform(post("/registry/units/" + unit.id() + "/active").param("active", "false").with(as("ADMIN")))
			.andExpect(status().isForbidden());
		assertThat(unit("ZB33").active()).isTrue();

		try {
			mvc.perform(post("/registry/units/" + unit.id() + "/active").param("active", "false").with(as("ADMIN")).with(csrf()))
				.andExpect(redirectedUrl("/registry#unit-" + unit.id()));
			assertThat(unit("ZB33").active()).isFalse();
			assertThat(page("/registry", "ADMIN")).containsPattern("id=\"unit-" + unit.id() + "\"\\s+class=\"inactive\"");
		}
		finally {
			mvc.perform(post("/registry/units/" + unit.id() + "/active").param("active", "true").with(as("ADMIN")).with(csrf()));
		}
		assertThat(unit("ZB33").active()).isTrue();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action IN ('registry.unit.deactivate', 'registry.unit.activate') "
				+ "AND target_id = ?", Long.class, String.valueOf(unit.id()))).isEqualTo(2);
	}

	@Test
	void aRefusedImportShowsItsReportAsATableOfSheetRowColumnAndProblem() throws Exception {
		String csv = "单位,姓名,电子邮箱\n不存在区,张三,zs@example.gov.cn\n越秀区政府,,bad-address\n";
		var file = new MockMultipartFile("file", "信息员.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		String page = mvc.perform(multipart("/registry/import").file(file).param("table", "informants").with(as("ADMIN")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"import-problems\"").contains("<th>工作表</th>").contains("<th>行</th>").contains("<th>列</th>")
			.containsPattern("<td>信息员</td>\\s*<td class=\"num\">2</td>\\s*<td>A列（单位）</td>\\s*<td>单位「不存在区」不在单位名录中")
			.contains("「bad-address」不是有效的电子邮箱地址");
	}

	@Test
	void aGoodImportIsReportedAndAudited() throws Exception {
		var file = new MockMultipartFile("file", "informants.csv", "text/csv",
				java.nio.file.Files.readAllBytes(java.nio.file.Path.of("config/demo/informants.csv")));
		mvc.perform(multipart("/registry/import").file(file).param("table", "informants").with(as("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/registry"))
			.andExpect(flash().attributeExists("imported"));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'registry.import' AND actor = 'u-admin'", Long.class))
			.isPositive();
	}

	@ParameterizedTest(name = "{0} {1} {2} -> {3}")
	@CsvSource({
			"VIEWER,   GET,  /registry/units/1/edit, 403",
			"EDITOR,   GET,  /registry/units/1/edit, 403",
			"EDITOR,   POST, /registry/units/1, 403",
			"REVIEWER, POST, /registry/units/1/active, 403",
			"ADMIN,    GET,  /registry/units/999999/edit, 404",
			"ADMIN,    POST, /registry/units/999999, 404" })
	void onlyAdministratorsChangeUnits(String role, String method, String path, int expected) throws Exception {
		var request = method.equals("GET") ? get(path) : post(path).param("active", "false").with(csrf());
		mvc.perform(request.with(as(role))).andExpect(status().is(expected));
	}
}
