package org.baosong.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.Reports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The queues: URGENT first, then the longest waiting; filters by type, state, flag, unit and date;
 * counts per sequence; paging that keeps the filters; and the same through the JSON API with its
 * reason codes for refused acts.
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueuesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedMailServer mailServer;

	long first;

	long urgent;

	long brief;

	@BeforeAll
	void fileThree() throws Exception {
		var reports = new Reports(mailServer, jdbc);
		first = reports.file(Reports.subject("动态", "越秀区推进老旧小区改造惠及3万户"), Reports.body("越秀区推进老旧小区改造，累计召开居民议事会286场。"));
		brief = reports.file(Reports.subject("简讯", "越秀区举办社区运动会活动"), Reports.body("越秀区举办社区运动会，参与居民两千余人，项目十二个。"));
		urgent = reports.file(Reports.subject("要情", "越秀区某路段突发路面塌陷已封闭"), Reports.body("今日上午越秀区某路段发生路面塌陷，已封闭交通，无人员伤亡。"));
	}

	private String queues(String query) throws Exception {
		return mvc.perform(get("/queues" + query).with(user("viewer").roles("VIEWER"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
	}

	@Test
	void urgentFirstThenTheLongestWaiting() throws Exception {
		String page = queues("");
		int u = page.indexOf("越秀区某路段突发路面塌陷已封闭");
		int a = page.indexOf("越秀区推进老旧小区改造惠及3万户");
		int b = page.indexOf("越秀区举办社区运动会活动");
		assertThat(u).isPositive().isLessThan(a);
		assertThat(a).isLessThan(b);
		assertThat(page).contains("urgent-row").contains("全部待办（3）").contains("紧急（1）");
	}

	@Test
	void filtersNarrowTheList() throws Exception {
		assertThat(queues("?type=简讯")).contains("越秀区举办社区运动会活动").doesNotContain("越秀区推进老旧小区改造惠及3万户");
		assertThat(queues("?flag=URGENT")).contains("越秀区某路段突发路面塌陷已封闭").doesNotContain("越秀区举办社区运动会活动");
		assertThat(queues("?state=ADOPTED")).contains("没有符合条件的信息。");
		assertThat(queues("?sequence=district&from=" + Reports.TODAY + "&to=" + Reports.TODAY)).contains("越秀区举办社区运动会活动");
		assertThat(queues("?from=" + Reports.TODAY.plusDays(1))).contains("没有符合条件的信息。");
		Long otherUnit = jdbc.queryForObject("SELECT id FROM unit WHERE code = 'D02'", Long.class);
		assertThat(queues("?unit=" + otherUnit)).contains("没有符合条件的信息。");
	}

	@Test
	void theApiPages() throws Exception {
		var json = mvc.perform(get("/api/queues").param("size", "2").param("state", "ALL").with(user("viewer").roles("VIEWER")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(3)).andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].title").value("越秀区某路段突发路面塌陷已封闭"))
			.andReturn().getResponse().getContentAsString();
		assertThat(json).contains("\"number\":0");
		mvc.perform(get("/api/queues").param("size", "2").param("page", "1").param("state", "ALL").with(user("viewer").roles("VIEWER")))
			.andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].id").value(brief));
	}

	@Test
	void theApiRefusesWithReasonCodes() throws Exception {
		var editor = user("api-editor").roles("EDITOR");
		mvc.perform(post("/api/submissions/" + brief + "/claim").with(editor).header("X-Requested-With", "test")).andExpect(status().isOk())
			.andExpect(jsonPath("$.submission.state").value("IN_EDIT"));
		mvc.perform(post("/api/submissions/" + brief + "/claim").with(user("api-editor2").roles("EDITOR")).header("X-Requested-With", "test"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("WRONG_STATE"));
		mvc.perform(post("/api/submissions/" + brief + "/versions").with(editor).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"\"}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("TITLE_INVALID"));
		mvc.perform(post("/api/submissions/" + brief + "/versions").with(editor).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"越秀区社区运动会吸引两千余居民参与\",\"text\":\"新正文\"}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2));
		mvc.perform(get("/api/submissions/" + brief + "/versions").with(user("v").roles("VIEWER"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2));
		mvc.perform(post("/api/submissions/999999/claim").with(editor).header("X-Requested-With", "test")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("NOT_FOUND"));
		mvc.perform(post("/api/submissions/" + brief + "/release").with(editor).header("X-Requested-With", "test")).andExpect(status().isOk());
		mvc.perform(get("/api/queues/counts").with(httpBasic("nobody", "wrong"))).andExpect(status().isUnauthorized());
	}
}
