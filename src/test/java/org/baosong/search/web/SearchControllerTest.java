package org.baosong.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;

import java.util.List;
import java.util.Map;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.GatewayTestInitializer;
import org.baosong.testsupport.Reports;


import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A report mailed by a unit is found by a Chinese phrase through the JSON API and the page, with every
 * filter; mail content is escaped wherever it is shown; the rebuild is for administrators, with CSRF on
 * the page, and audited; the search rows of the authorization matrix hold.
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchControllerTest {

	static final String INFORMANT = "xxb.d01@demo.baosong.test";

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	static final String SIGN = "\n\n单位：越秀区政府\n签发人：王明\n报送人：李华\n联系电话：13800138000\n日期：" + TODAY;

	static final String TITLE = "越秀区优化营商环境推出十条便企措施";

	@Autowired
	MockMvc mvc;

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	long submissionId;

	String trackingNo;

	long unitId;

	@BeforeAll
	void aUnitMailsAReport() throws Exception {
		String body = "越秀区发布优化营商环境十条措施，企业开办时间压缩至半天，“一网通办”事项占比达98%。"
				+ "区政务服务中心设立<img src=x onerror=alert(1)>帮办窗口，为企业提供全程代办服务。".repeat(4) + SIGN;
		String messageId = send(INFORMANT, "【动态】越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|" + TODAY, body);
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM inbound_mail WHERE message_id = ? AND status <> 'RECEIVED'", Long.class, messageId) == 1);
		Map<String, Object> row = jdbc.queryForMap(
				"SELECT s.id, s.tracking_no, s.unit_id FROM submission s JOIN inbound_mail m ON m.id = s.inbound_id WHERE m.message_id = ?",
				messageId);
		submissionId = ((Number) row.get("id")).longValue();
		trackingNo = (String) row.get("tracking_no");
		unitId = ((Number) row.get("unit_id")).longValue();
	}

	@Test
	void theReportIsFoundByAChinesePhraseThroughTheApiWithItsMatchesMarked() throws Exception {
		JsonNode results = awaitFound("营商环境");
		JsonNode hit = results.path("items").get(0);
		assertThat(hit.path("id").asLong()).isEqualTo(submissionId);
		assertThat(hit.path("trackingNo").asString()).isEqualTo(trackingNo);
		assertThat(hit.path("url").asString()).isEqualTo("/submissions/" + submissionId);
		assertThat(hit.path("title").asString()).isEqualTo(TITLE);
		assertThat(hit.path("titleHtml").asString()).isEqualTo("越秀区优化<mark>营商环境</mark>推出十条便企措施");
		assertThat(hit.path("fragmentsHtml").get(0).asString()).contains("<mark>营商环境</mark>");
		assertThat(hit.path("unitName").asString()).isEqualTo("越秀区政府");
		assertThat(hit.path("sequence").asString()).isEqualTo("district");
		assertThat(hit.path("state").asString()).isEqualTo("RECEIVED");
		assertThat(results.path("index").path("documents").asLong()).isPositive();
	}

	@Test
	void everyFilterNarrowsTheResults() throws Exception {
		awaitFound("营商环境");
		String unit = String.valueOf(unitId);
		String otherUnit = String.valueOf(jdbc.queryForObject("SELECT MIN(id) FROM unit WHERE id <> ?", Long.class, unitId));
		assertThat(ids("营商环境", "unit", unit)).contains(submissionId);
		assertThat(ids("营商环境", "unit", otherUnit)).doesNotContain(submissionId);
		assertThat(ids("营商环境", "sequence", "district")).contains(submissionId);
		assertThat(ids("营商环境", "sequence", "dept-a")).doesNotContain(submissionId);
		assertThat(ids("营商环境", "type", "动态")).contains(submissionId);
		assertThat(ids("营商环境", "type", "调研")).doesNotContain(submissionId);
		assertThat(ids("营商环境", "state", "RECEIVED")).contains(submissionId);
		assertThat(ids("营商环境", "state", "ADOPTED")).doesNotContain(submissionId);
		assertThat(ids("营商环境", "from", TODAY.toString(), "to", TODAY.toString())).contains(submissionId);
		assertThat(ids("营商环境", "from", TODAY.plusDays(1).toString())).doesNotContain(submissionId);
		assertThat(ids("营商环境", "to", TODAY.minusDays(1).toString())).doesNotContain(submissionId);
		assertThat(ids("营商环境 一网通办", "order", "NEWEST")).contains(submissionId);
		assertThat(ids(trackingNo.toLowerCase())).containsExactly(submissionId);
		assertThat(ids("营商环境 不相干的词语")).doesNotContain(submissionId);
	}

	@Test
	void thePageShowsTheReportWithItsMarksAndLinksToIt() throws Exception {
		awaitFound("营商环境");
		String page = mvc.perform(get("/search").param("q", "营商环境").param("unit", String.valueOf(unitId)).with(as("VIEWER")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("href=\"/submissions/" + submissionId + "\"").contains("<mark>营商环境</mark>").contains(trackingNo)
			.contains("越秀区政府").contains("待处理").contains("共找到 1 条信息")
			.contains("<option value=\"ADOPTED\">已采用</option>").contains("<option value=\"NEWEST\">最新在前</option>")
			.containsPattern("<option value=\"" + unitId + "\" selected=\"selected\">越秀区政府</option>");
		String english = mvc.perform(get("/search").param("q", "营商环境").param("lang", "en").with(as("VIEWER")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("Full-text search").contains("Submissions found: 1").contains("<option value=\"ADOPTED\">Adopted</option>");
		String none = mvc.perform(get("/search").param("q", "营商环境").param("state", "ADOPTED").with(as("VIEWER")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(none).contains("没有找到符合条件的信息").doesNotContain("/submissions/" + submissionId);
	}

	@Test
	void mailContentIsEscapedInTheApiAndOnThePage() throws Exception {
		JsonNode hit = awaitFound("帮办窗口").path("items").get(0);
		assertThat(hit.path("fragmentsHtml").get(0).asString()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
		String page = mvc.perform(get("/search").param("q", "帮办窗口").with(as("EDITOR")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
	}

	@Test
	void aBadDateIsRefusedByTheApiAndExplainedOnThePage() throws Exception {
		var response = api("/api/search?q=x&from=" + enc("2026年1月1日"), "admin");
		assertThat(response.statusCode()).isEqualTo(400);
		mvc.perform(get("/search").param("from", "yesterday").with(as("VIEWER")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
					org.hamcrest.Matchers.containsString("以下条件的格式不正确")));
	}

	@Test
	void administratorsRebuildTheIndexFromTheApiAndItIsAudited() throws Exception {
		awaitFound("营商环境");
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search/rebuild"))
			.header("Authorization", basic("admin", GatewayTestInitializer.ADMIN_PASSWORD)).header("X-Requested-With", "test")
			.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'SEARCH_REBUILD' AND actor = 'admin'", Long.class))
			.isPositive();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode status = json(api("/api/search/status", "admin").body());
			return !status.path("rebuilding").asBoolean() && !status.path("lastRebuildAt").isNull() && status.path("pending").asInt() == 0;
		});
		assertThat(ids("营商环境")).contains(submissionId);
	}

	@Test
	void thePageButtonNeedsAnAdministratorAndACsrfToken() throws Exception {
		mvc.perform(post("/search/rebuild").with(as("ADMIN"))).andExpect(status().isForbidden());
		mvc.perform(post("/search/rebuild").with(as("EDITOR")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/search/rebuild").with(as("ADMIN")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/search"))
			.andExpect(flash().attribute("notice", "已开始重建索引，完成前检索使用原有索引。"));
		String adminPage = mvc.perform(get("/search").with(as("ADMIN"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String viewerPage = mvc.perform(get("/search").with(as("VIEWER"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(adminPage).contains("action=\"/search/rebuild\"").contains("name=\"_csrf\"");
		assertThat(viewerPage).doesNotContain("/search/rebuild");
	}

	/** The rows of authorization-matrix.csv for the search endpoints, each role against each. */
	Stream<org.junit.jupiter.params.provider.Arguments> matrixRows() throws Exception {
		return Files.readAllLines(Path.of("src/test/resources/web/authorization-matrix.csv")).stream()
			.filter(l -> !l.startsWith("#") && !l.startsWith("method,"))
			.map(l -> l.split(","))
			.filter(f -> f[1].startsWith("/search") || f[1].startsWith("/api/search"))
			.flatMap(f -> Stream.of("ADMIN", "EDITOR", "REVIEWER", "VIEWER").map(role -> org.junit.jupiter.params.provider.Arguments.of(
					f[0], f[2], role, f[3 + List.of("ADMIN", "EDITOR", "REVIEWER", "VIEWER").indexOf(role)].equals("Y"))));
	}

	@ParameterizedTest(name = "{2} {0} {1} allowed: {3}")
	@MethodSource("matrixRows")
	void theSearchRowsOfTheAuthorizationMatrixHold(String method, String path, String role, boolean allowed) throws Exception {
		var request = (method.equals("POST") ? post(path).with(csrf()) : get(path)).with(as(role));
		int status = mvc.perform(request).andReturn().getResponse().getStatus();
		if (allowed) {
			assertThat(status).as(role + " " + method + " " + path).isNotIn(401, 403);
		}
		else {
			assertThat(status).as(role + " " + method + " " + path).isEqualTo(403);
		}
		int anonymous = mvc.perform(method.equals("POST") ? post(path).with(csrf()) : get(path)).andReturn().getResponse().getStatus();
		assertThat(anonymous).as("anonymous " + method + " " + path).isIn(302, 401);
	}

	// ---- helpers ----

	private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String role) {
		return user("u-" + role.toLowerCase()).roles(role);
	}

	private JsonNode awaitFound(String q) {
		await().atMost(Duration.ofSeconds(30)).until(() -> ids(q).contains(submissionId));
		return json(api("/api/search?q=" + enc(q), "admin").body());
	}

	private List<Long> ids(String q, String... params) throws Exception {
		var url = new StringBuilder("/api/search?q=").append(enc(q));
		for (int i = 0; i < params.length; i += 2) {
			url.append('&').append(params[i]).append('=').append(enc(params[i + 1]));
		}
		var response = api(url.toString(), "admin");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		var ids = new java.util.ArrayList<Long>();
		json(response.body()).path("items").forEach(item -> ids.add(item.path("id").asLong()));
		return ids;
	}

	private HttpResponse<String> api(String pathAndQuery, String user) {
		try {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
				.header("Authorization", basic(user, GatewayTestInitializer.ADMIN_PASSWORD)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode json(String body) {
		return JsonMapper.builder().build().readTree(body);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private String send(String from, String subject, String body) throws Exception {
		return new Reports(mailServer, jdbc).send(from, subject, body);
	}
}
