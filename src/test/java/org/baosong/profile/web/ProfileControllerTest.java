package org.baosong.profile.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.baosong.profile.ProfileCatalog;
import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The read-only view of the active profile: every member of staff reads the rules; nothing can be posted. */
@GatewayTest(properties = "baosong.demo.enabled=true")
@AutoConfigureMockMvc
class ProfileControllerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProfileCatalog profiles;

	@Autowired
	Clock clock;

	@ParameterizedTest(name = "{0} reads the rules")
	@ValueSource(strings = { "ADMIN", "EDITOR", "REVIEWER", "VIEWER" })
	void everyRoleReadsTheActiveProfile(String role) throws Exception {
		String page = mvc.perform(get("/ops/profile").with(user("u").roles(role))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("guangzhou-2005").contains("广州市政务信息工作实施方案").contains("广州市人民政府办公厅（新闻信息处）");
	}

	@Test
	void theGrammarTheRulesTheSequencesAndThisYearsPeriodsAreShown() throws Exception {
		String page = mvc.perform(get("/ops/profile").with(user("u").roles("VIEWER"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// subject grammar
		assertThat(page).contains("标题、").contains("联系电话").contains("动态、综合、调研、简讯、要情、专报")
			.contains("收到当日之前 7 天至之后 1 天").contains("6–80 字");
		// rule options (Guangzhou: 落款 required, 1500 characters at most in the body)
		assertThat(page).containsPattern("正文须有落款[^<]*</th>\\s*<td>是</td>").contains("<td>1500</td>").contains("<td>200</td>")
			.contains("90 天").contains("发件人未登记的来信一律隔离");
		// sequences and targets
		assertThat(page).contains("工作部门序列B类").contains("直报点序列A类").contains("50%").contains("18 分").contains("72 分").contains("6 分");
		// this assessment year's quarters (Guangzhou's year runs 1 Dec - 30 Nov)
		LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
		int year = profiles.jurisdiction().calendar().assessmentYear(today);
		assertThat(page).contains(year + "-Q1").contains((year - 1) + "-12-01").contains(year + "-11-30").contains(year + "-Q4")
			.contains("class=\"current\"").contains("GZ-" + year + "-000123");
	}

	@Test
	void theViewIsReadOnly() throws Exception {
		mvc.perform(post("/ops/profile").with(user("u").roles("ADMIN")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/ops/profile")).andExpect(redirectedUrl("/login"));
	}
}
