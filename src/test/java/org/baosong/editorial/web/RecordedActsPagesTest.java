package org.baosong.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.Reports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pages and the JSON API of upstream adoptions, marks and penalties: the submission page's section
 * with its forms (editors record, administrators undo with a reason), the refusals shown by name, the
 * penalties page with its filters and, for one unit, its upstream adoptions and marks; the API with
 * its reason codes. (Same context as CommissionsTest.)
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.send-interval=200ms",
		"baosong.commissions.close-interval=1h" })
@AutoConfigureMockMvc
class RecordedActsPagesTest {

	static final RequestPostProcessor EDITOR = user("editor1").roles("EDITOR");

	static final RequestPostProcessor ADMIN = user("admin1").roles("ADMIN");

	static final RequestPostProcessor VIEWER = user("viewer1").roles("VIEWER");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedMailServer mailServer;

	Reports reports;

	@BeforeEach
	void setUp() {
		reports = new Reports(mailServer, jdbc);
	}

	private String page(String path, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void anEditorRecordsAnUpstreamAdoptionAndAMarkAnAdministratorUndoesThem() throws Exception {
		long id = reports.file(Reports.subject("动态", "越秀区优化营商环境改革取得新进展"), Reports.body("越秀区优化营商环境，新增市场主体一万二千户。"));
		String back = "/submissions/" + id + "#recorded-acts";

		String before = page("/submissions/" + id, EDITOR);
		assertThat(before).contains("上级采用、标记与批评").contains("id=\"record-upstream\"").contains("省政府办公厅").contains("国务院办公厅")
			.contains("id=\"record-mark\"").contains("优秀信息").contains("没有上级采用记录。");
		assertThat(page("/submissions/" + id, VIEWER)).contains("上级采用、标记与批评").doesNotContain("id=\"record-upstream\"");

		mvc.perform(post("/submissions/" + id + "/upstream-adoptions").with(VIEWER).with(csrf()).param("level", "province")
			.param("adoptedOn", Reports.TODAY.toString())).andExpect(status().isForbidden());
		mvc.perform(post("/submissions/" + id + "/upstream-adoptions").with(EDITOR).with(csrf()).param("level", "province")
			.param("withInstruction", "true").param("journalName", "广东省政府办公厅《今日要情》").param("adoptedOn", Reports.TODAY.toString())
			.param("note", "省领导批示肯定")).andExpect(redirectedUrl(back)).andExpect(flash().attribute("notice", "已登记上级采用。"));
		mvc.perform(post("/submissions/" + id + "/upstream-adoptions").with(EDITOR).with(csrf()).param("level", "province")
			.param("adoptedOn", Reports.TODAY.toString())).andExpect(redirectedUrl(back))
			.andExpect(flash().attribute("error", "这篇稿件已经登记过同一项（如需更正，请管理员先撤销原记录）。"));
		mvc.perform(post("/submissions/" + id + "/marks").with(EDITOR).with(csrf()).param("code", "excellent")
			.param("markedOn", Reports.TODAY.toString())).andExpect(redirectedUrl(back)).andExpect(flash().attribute("notice", "已登记标记。"));
		mvc.perform(post("/submissions/999999/marks").with(EDITOR).with(csrf()).param("code", "excellent")
			.param("markedOn", Reports.TODAY.toString())).andExpect(status().isNotFound());

		long adoption = jdbc.queryForObject("SELECT id FROM upstream_adoption WHERE submission_id = ?", Long.class, id);
		long mark = jdbc.queryForObject("SELECT id FROM editorial_mark WHERE submission_id = ?", Long.class, id);
		String recorded = page("/submissions/" + id, ADMIN);
		assertThat(recorded).contains("id=\"upstream-" + adoption + "\"").contains("广东省政府办公厅《今日要情》").contains("有批示")
			.contains("省领导批示肯定").contains("id=\"mark-" + mark + "\"").contains("撤销原因（必填）")
			.contains("省政府办公厅采用（有领导批示） 广东省政府办公厅《今日要情》");
		assertThat(page("/submissions/" + id, EDITOR)).doesNotContain("撤销原因（必填）");

		String undo = "/submissions/" + id + "/upstream-adoptions/" + adoption + "/undo";
		mvc.perform(post(undo).with(EDITOR).with(csrf()).param("reason", "误登记")).andExpect(status().isForbidden());
		mvc.perform(post(undo).with(ADMIN).with(csrf())).andExpect(redirectedUrl(back)).andExpect(flash().attribute("error", "请填写原因。"));
		mvc.perform(post(undo).with(ADMIN).with(csrf()).param("reason", "误登记")).andExpect(redirectedUrl(back))
			.andExpect(flash().attribute("notice", "已撤销，对应的记分事件已冲回。"));
		mvc.perform(post("/submissions/" + id + "/marks/" + mark + "/undo").with(ADMIN).with(csrf()).param("reason", "评选调整"))
			.andExpect(redirectedUrl(back));
		String undone = page("/submissions/" + id, ADMIN);
		assertThat(undone).contains("已由 admin1 撤销：误登记").contains("已由 admin1 撤销：评选调整").contains("撤销上级采用（记分冲回）")
			.contains("撤销标记（记分冲回）");
	}

	@Test
	void penaltiesAreListedByUnitAndDayAndRecordedWithAReason() throws Exception {
		long unit = jdbc.queryForObject("SELECT id FROM unit WHERE code = 'D05'", Long.class);
		String unitName = jdbc.queryForObject("SELECT name FROM unit WHERE id = ?", String.class, unit);
		var day = Reports.TODAY.minusDays(10);

		assertThat(page("/penalties", VIEWER)).contains("批评与扣分").doesNotContain("id=\"record-penalty\"");
		assertThat(page("/penalties", EDITOR)).contains("id=\"record-penalty\"").contains("受到国务院办公厅、省政府办公厅批评");

		mvc.perform(post("/penalties").with(VIEWER).with(csrf()).param("unit", String.valueOf(unit))).andExpect(status().isForbidden());
		mvc.perform(post("/penalties").with(EDITOR).with(csrf()).param("unit", String.valueOf(unit)).param("code", "upper-criticism")
			.param("givenOn", day.toString())).andExpect(redirectedUrl("/penalties?unit=" + unit))
			.andExpect(flash().attribute("error", "请填写原因。"));
		mvc.perform(post("/penalties").with(EDITOR).with(csrf()).param("trackingNo", "GZ-2099-999999").param("code", "upper-criticism")
			.param("givenOn", day.toString()).param("reason", "x")).andExpect(flash().attribute("error", "没有编号为 GZ-2099-999999 的稿件。"));
		mvc.perform(post("/penalties").with(EDITOR).with(csrf()).param("unit", String.valueOf(unit)).param("code", "upper-criticism")
			.param("givenOn", day.toString()).param("reason", "报送信息严重失实，受到省政府办公厅通报批评"))
			.andExpect(redirectedUrl("/penalties?unit=" + unit)).andExpect(flash().attribute("notice", "已登记批评扣分。"));
		long penalty = jdbc.queryForObject("SELECT id FROM penalty WHERE unit_id = ?", Long.class, unit);

		String ofUnit = page("/penalties?unit=" + unit, VIEWER);
		assertThat(ofUnit).contains("id=\"penalty-" + penalty + "\"").contains("报送信息严重失实").contains(unitName + "的上级采用")
			.contains(unitName + "的标记");
		assertThat(page("/penalties?unit=" + unit + "&from=" + day.plusDays(1), VIEWER)).doesNotContain("id=\"penalty-" + penalty + "\"");
		assertThat(page("/penalties?from=" + day + "&to=" + day, VIEWER)).contains("id=\"penalty-" + penalty + "\"");

		mvc.perform(post("/penalties/" + penalty + "/undo").with(EDITOR).with(csrf()).param("reason", "x")).andExpect(status().isForbidden());
		mvc.perform(post("/penalties/" + penalty + "/undo").with(ADMIN).with(csrf()).param("reason", "经复核撤销"))
			.andExpect(redirectedUrl("/penalties?unit=" + unit));
		assertThat(page("/penalties?unit=" + unit, ADMIN)).contains("已由 admin1 撤销：经复核撤销");
		mvc.perform(post("/penalties/999999/undo").with(ADMIN).with(csrf()).param("reason", "x")).andExpect(status().isNotFound());
	}

	@Test
	void theApiRecordsAndListsWithReasonCodes() throws Exception {
		long id = reports.file(Reports.subject("动态", "越秀区推进数字政府建设工作"), Reports.body("越秀区推进数字政府建设，政务服务事项全部网上可办。"));
		String json = "{\"level\":\"state-council\",\"withInstruction\":false,\"journalName\":\"国务院办公厅《政务信息》\",\"adoptedOn\":\""
				+ Reports.TODAY + "\"}";
		mvc.perform(post("/api/submissions/" + id + "/upstream-adoptions").with(EDITOR).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.level").value("state-council"))
			.andExpect(jsonPath("$.journalName").value("国务院办公厅《政务信息》")).andExpect(jsonPath("$.actId").isNumber());
		mvc.perform(post("/api/submissions/" + id + "/upstream-adoptions").with(EDITOR).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DUPLICATE"));
		mvc.perform(post("/api/submissions/" + id + "/upstream-adoptions").with(EDITOR).contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":\"moon\",\"adoptedOn\":\"" + Reports.TODAY + "\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_LEVEL"));
		mvc.perform(get("/api/submissions/" + id + "/upstream-adoptions").with(VIEWER)).andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].withInstruction").value(false));
		mvc.perform(get("/api/submissions/999999/upstream-adoptions").with(VIEWER)).andExpect(status().isNotFound());

		mvc.perform(post("/api/submissions/" + id + "/marks").with(EDITOR).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"excellent\",\"markedOn\":\"" + Reports.TODAY + "\"}")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.code").value("excellent"));
		mvc.perform(get("/api/submissions/" + id + "/marks").with(VIEWER)).andExpect(jsonPath("$.length()").value(1));

		long unit = jdbc.queryForObject("SELECT unit_id FROM submission WHERE id = ?", Long.class, id);
		mvc.perform(post("/api/penalties").with(EDITOR).contentType(MediaType.APPLICATION_JSON)
			.content("{\"submissionId\":" + id + ",\"code\":\"upper-criticism\",\"givenOn\":\"" + Reports.TODAY + "\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("REASON_REQUIRED"));
		mvc.perform(post("/api/penalties").with(EDITOR).contentType(MediaType.APPLICATION_JSON)
			.content("{\"submissionId\":" + id + ",\"code\":\"upper-criticism\",\"givenOn\":\"" + Reports.TODAY + "\",\"reason\":\"数据有误\"}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.unitId").value(unit)).andExpect(jsonPath("$.submissionId").value(id));
		mvc.perform(get("/api/penalties").param("unit", String.valueOf(unit)).param("from", Reports.TODAY.toString()).with(VIEWER))
			.andExpect(status().isOk()).andExpect(jsonPath("$[?(@.submissionId == " + id + ")].reason").value("数据有误"));
	}
}
