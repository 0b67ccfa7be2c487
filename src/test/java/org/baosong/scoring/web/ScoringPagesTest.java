package org.baosong.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The scoring pages and API render for their roles; an administrator closes a period from the page; refusals carry their codes. */
@GatewayTest(properties = "baosong.demo.enabled=true")
class ScoringPagesTest {

	static final RequestPostProcessor VIEWER = user("viewer1").roles("VIEWER");

	static final RequestPostProcessor ADMIN = user("admin1").roles("ADMIN");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	private String page(String path, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theOverviewListsThePeriodsAndTheStandingsOfAPeriod() throws Exception {
		String overview = page("/scoring?profile=guangzhou-2005&year=2026&kind=QUARTER&key=2026-Q1", VIEWER);
		assertThat(overview).contains("评分与台账").contains("2026年度第1季度").contains("2025-12-01 ～ 2026-02-28")
			.contains("区（县级市）序列").contains("越秀区政府").doesNotContain("关闭考核期");
		assertThat(page("/scoring?profile=yinchuan-2018&year=2025", VIEWER)).contains("2025年度第4季度");
		assertThat(page("/scoring", ADMIN)).contains("关闭考核期").contains("核对台账");
		long yuexiu = jdbc.queryForObject("SELECT id FROM unit WHERE code = 'D01'", Long.class);
		assertThat(page("/scoring/units/" + yuexiu + "?kind=QUARTER&key=2026-Q1", VIEWER)).contains("越秀区政府").contains("2026年度第1季度");
	}

	@Test
	void anAdministratorClosesAPeriodFromThePageOnce() throws Exception {
		mvc.perform(post("/scoring/close").with(ADMIN).with(csrf()).param("profile", "guangzhou-2005").param("kind", "QUARTER")
			.param("key", "2024-Q1")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT close_count FROM period_close WHERE profile_id = 'guangzhou-2005' AND period_key = '2024-Q1'",
				Integer.class)).isEqualTo(1);
		var again = mvc.perform(post("/scoring/close").with(ADMIN).with(csrf()).param("profile", "guangzhou-2005").param("kind", "QUARTER")
			.param("key", "2024-Q1")).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(again.getFlashMap().get("notice")).isEqualTo("2024年度第1季度已经关闭，没有写入。");
		var early = mvc.perform(post("/scoring/close").with(ADMIN).with(csrf()).param("profile", "guangzhou-2005").param("kind", "YEAR")
			.param("key", "2030")).andExpect(status().is3xxRedirection()).andReturn();
		assertThat((String) early.getFlashMap().get("error")).startsWith("考核期尚未结束");
		mvc.perform(post("/scoring/close").with(VIEWER).with(csrf()).param("profile", "guangzhou-2005").param("kind", "QUARTER")
			.param("key", "2024-Q2")).andExpect(status().isForbidden());
	}

	@Test
	void theRecomputePageComparesWithTheLoadedRulesOrTheFileOnDisk() throws Exception {
		assertThat(page("/admin/scoring/recompute?profile=guangzhou-2005", ADMIN)).contains("核对台账").contains("id=\"verdict\"");
		assertThat(page("/admin/scoring/recompute?profile=changchun-2012&kind=YEAR&key=2026&source=file", ADMIN)).contains("预览");
	}

	@Test
	void theApiAnswersWithFiguresAndRefusesWithReasonCodes() throws Exception {
		mvc.perform(get("/api/scoring/guangzhou-2005/standings").param("kind", "QUARTER").param("key", "2026-Q1").with(VIEWER))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].sequenceCode").value("district"));
		mvc.perform(get("/api/scoring/guangzhou-2005/periods").param("year", "2026").with(VIEWER))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].label").value("2026年度第1季度"));
		mvc.perform(get("/api/scoring/guangzhou-2005/standings").param("kind", "DECADE").param("key", "2026").with(VIEWER))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("PERIOD_UNKNOWN"));
		mvc.perform(get("/api/scoring/atlantis/standings").param("kind", "YEAR").param("key", "2026").with(VIEWER))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("PROFILE_UNKNOWN"));
		mvc.perform(post("/api/scoring/guangzhou-2005/closes").header("X-Requested-With", "test").param("kind", "YEAR").param("key", "2030").with(ADMIN).with(csrf()))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("PERIOD_NOT_OVER"));
		mvc.perform(post("/api/scoring/guangzhou-2005/preview").header("X-Requested-With", "test").with(ADMIN).with(csrf()).contentType(MediaType.TEXT_PLAIN)
			.content("profile:\n  id: guangzhou-2005\n  nmae: x\n"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("PROFILE_INVALID"))
			.andExpect(jsonPath("$.key").value("profile.nmae"));
	}

	@Test
	void theRulesPageShowsEachLoadedProfilesScoringRules() throws Exception {
		assertThat(page("/ops/profile", VIEWER)).contains("计分规则").contains("穗府信息 (SFXX)").contains("封顶 30")
			.contains("只给主办单位加分").contains("受到国务院办公厅、省政府办公厅批评 -10");
		assertThat(page("/ops/profile?id=yinchuan-2018", VIEWER)).contains("与本级刊物采用一并只记最高分").contains("完成计 10 分")
			.contains("优秀信息 2");
		assertThat(page("/ops/profile?id=changchun-2012", VIEWER)).contains("基础分 80（每年度）").contains("折合 100 分制")
			.contains("每少一条 -5").contains("领导批示到期未反馈：-10");
		assertThat(page("/ops/profile?id=gannan-2008", VIEWER)).contains("没有计分规则");
		mvc.perform(get("/ops/profile?id=atlantis").with(VIEWER)).andExpect(status().isNotFound());
	}
}
