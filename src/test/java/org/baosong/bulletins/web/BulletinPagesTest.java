package org.baosong.bulletins.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.baosong.bulletins.BulletinTestData;
import org.baosong.profile.PeriodKind;
import org.baosong.scoring.PeriodCloses;
import org.baosong.scoring.PeriodRef;
import org.baosong.scoring.Scores;
import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The bulletins and statistics pages and their API through the real application, on Guangzhou's 2025-Q2
 * (1 Mar – 31 May 2025): generating from the list's form, the progress page while a bulletin is generated,
 * the preview with its tables and charts, a unit's ledger lines, the exports, publishing (administrators
 * only), the refusals with their reason codes; the statistics pages and their JSON with the ledger's
 * figures.
 */
// the context of BulletinsTest (same properties): each class works on its own assessment period
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.replies.send-interval=300ms" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulletinPagesTest {

	static final RequestPostProcessor ADMIN = user("admin-li").roles("ADMIN");

	static final RequestPostProcessor EDITOR = user("editor-wang").roles("EDITOR");

	static final RequestPostProcessor VIEWER = user("viewer-zhao").roles("VIEWER");

	static final PeriodRef Q2 = new PeriodRef(PeriodKind.QUARTER, "2025-Q2");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Scores scores;

	@Autowired
	PeriodCloses closes;

	long huangpu;

	long bulletin;

	/** 黄埔区: three reports in April 2025, two adopted as 标题信息, one message rejected; the quarter closed. */
	@BeforeAll
	void aQuarterWithSomethingToShow() {
		var data = BulletinTestData.of(context);
		huangpu = data.unit("D04");
		long a = data.inReview("D04", LocalDate.of(2025, 4, 2));
		long b = data.inReview("D04", LocalDate.of(2025, 4, 3));
		data.submission("D04", "动态", LocalDate.of(2025, 4, 9));
		data.publish("SFXX", 2025, LocalDate.of(2025, 4, 15), "标题信息", a, b);
		data.rejected("D04", LocalDate.of(2025, 4, 10), "DATE_INVALID");
		closes.close(BulletinTestData.PROFILE, Q2, "admin1", false);
	}

	@Test
	@Order(1)
	void editorsGenerateFromTheListAndSeeTheDraft() throws Exception {
		String list = page("/bulletins?year=2025", EDITOR);
		assertThat(list).contains("id=\"generate-bulletin\"").contains("value=\"QUARTER:2025-Q2\"").contains("2025年度第2季度");
		assertThat(page("/bulletins?year=2025", VIEWER)).doesNotContain("id=\"generate-bulletin\"");

		String location = mvc.perform(post("/bulletins").with(EDITOR).with(csrf()).param("profile", "guangzhou-2005").param("period", "QUARTER:2025-Q2"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).matches("/bulletins/\\d+");
		bulletin = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		Awaitility.await().atMost(Duration.ofSeconds(60))
			.until(() -> "DRAFT".equals(jdbc.queryForObject("SELECT state FROM bulletin WHERE id = ?", String.class, bulletin)));

		String draft = page(location, EDITOR);
		assertThat(draft).contains("2025年度第2季度政务信息报送采用情况通报").contains("id=\"sequence-district\"").contains("黄埔区政府")
			.contains("<svg").contains("class=\"bar s0\"").contains("id=\"export-xlsx\"").contains("id=\"export-docx\"")
			.contains("通报由管理员发布").doesNotContain("id=\"publish\"");
		assertThat(page(location, ADMIN)).contains("id=\"publish\"");
		assertThat(page(location, VIEWER)).contains("黄埔区政府").doesNotContain("id=\"publish\"");
	}

	@Test
	@Order(2)
	void aUnitsPageListsItsLedgerLinesAndTheirSum() throws Exception {
		String unit = page("/bulletins/" + bulletin + "/units/" + huangpu, VIEWER);
		assertThat(unit).contains("黄埔区政府 · 得分明细").contains("穗府信息 标题信息 +2").contains("日期不对").contains("DATE_INVALID")
			.contains("id=\"lines\"");
		var lines = scores.lines(BulletinTestData.PROFILE, huangpu, Q2).stream().filter(l -> !l.quantity()).toList();
		assertThat(lines).isNotEmpty();
		lines.forEach(l -> assertThat(unit).contains(l.explanation()));
		mvc.perform(get("/bulletins/" + bulletin + "/units/999999").with(VIEWER)).andExpect(status().isNotFound());
	}

	@Test
	@Order(3)
	void theExportsAreDownloadsWithTheirChineseNames() throws Exception {
		var xlsx = mvc.perform(get("/bulletins/" + bulletin + "/export.xlsx").with(VIEWER)).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn().getResponse();
		assertThat(xlsx.getHeader("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''2025");
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			assertThat(book.getSheet("区（县级市）序列").getRow(3).getCell(1).getStringCellValue()).isEqualTo("黄埔区政府");
		}
		mvc.perform(get("/api/bulletins/" + bulletin + "/export.docx").with(VIEWER)).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
		mvc.perform(get("/bulletins/999999/export.docx").with(VIEWER)).andExpect(status().isNotFound());
	}

	@Test
	@Order(4)
	void aBulletinBeingGeneratedShowsItsProgressAndReloads() throws Exception {
		jdbc.update("INSERT INTO bulletin (profile_id, period_kind, period_key, sequences, state, stage, progress_done, progress_total, requested_at, "
				+ "requested_by) VALUES ('guangzhou-2005', 'QUARTER', '2025-Q2', 'district', 'GENERATING', 'LINES', 10, 40, ?, 'editor-wang')",
				java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)));
		long stuck = jdbc.queryForObject("SELECT MAX(id) FROM bulletin", Long.class);
		String progress = mvc.perform(get("/bulletins/" + stuck).with(VIEWER)).andExpect(status().isOk()).andExpect(header().string("Refresh", "2"))
			.andReturn().getResponse().getContentAsString();
		assertThat(progress).contains("通报生成进度").contains("读取各单位得分明细").contains("已读取 10 / 40 个单位的得分明细").contains("value=\"25\"");
		jdbc.update("UPDATE bulletin SET state = 'FAILED', error = 'test' WHERE id = ?", stuck);
		assertThat(page("/bulletins/" + stuck, VIEWER)).contains("通报生成失败：test");
	}

	@Test
	@Order(5)
	void onlyAdministratorsPublishAndTheRefusalsSayWhy() throws Exception {
		mvc.perform(post("/bulletins/" + bulletin + "/publish").with(EDITOR).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/bulletins").with(EDITOR).with(csrf()).param("period", "MONTH:2025-04"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "请选择报送规则中的一个考核期。"));

		mvc.perform(post("/bulletins/" + bulletin + "/publish").with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "通报已发布为 2025年第1期，已向各单位信息员发出 130 封邮件。"));
		assertThat(page("/bulletins/" + bulletin, VIEWER)).contains("已发布").contains("2025年第1期").doesNotContain("id=\"publish\"");
		mvc.perform(post("/bulletins/" + bulletin + "/publish").with(ADMIN).with(csrf()))
			.andExpect(flash().attribute("error", "只有草稿可以发布（这份通报正在生成、生成失败或已经发布）。"));
		assertThat(page("/ops/outbox?kind=BULLETIN", ADMIN)).contains("【通报】2025年度第2季度政务信息报送采用情况通报");
	}

	@Test
	@Order(6)
	void theApiListsGeneratesAndRefusesWithReasonCodes() throws Exception {
		JsonNode list = json(get("/api/bulletins?profile=guangzhou-2005"), VIEWER, 200);
		assertThat(list.get("items").valueStream().map(b -> b.get("id").asLong()).toList()).contains(bulletin);

		JsonNode detail = json(get("/api/bulletins/" + bulletin), VIEWER, 200);
		assertThat(detail.at("/bulletin/state").asString()).isEqualTo("PUBLISHED");
		assertThat(detail.at("/content/periodLabel").asString()).isEqualTo("2025年度第2季度");
		JsonNode district = detail.at("/content/sequences/0");
		assertThat(district.get("code").asString()).isEqualTo("district");
		var standings = scores.standings(BulletinTestData.PROFILE, Q2).stream().filter(s -> s.sequenceCode().equals("district")).toList();
		var fromApi = new ArrayList<List<Object>>();
		district.get("rows").forEach(r -> fromApi.add(List.of(r.get("unitId").asLong(), new BigDecimal(r.get("points").asString()).stripTrailingZeros(),
				r.get("rank").asInt())));
		assertThat(fromApi).containsExactlyElementsOf(standings.stream().map(s -> List.<Object>of(s.unitId(), s.points().stripTrailingZeros(), s.rank()))
			.toList());
		JsonNode unit = json(get("/api/bulletins/" + bulletin + "/units/" + huangpu), VIEWER, 200);
		assertThat(unit.get("lines").size()).isPositive();
		assertThat(unit.get("rejectedByReason").get("DATE_INVALID").asLong()).isEqualTo(1);

		JsonNode generated = json(post("/api/bulletins").header("X-Requested-With", "test").contentType(MediaType.APPLICATION_JSON)
			.content("{\"periodKind\":\"QUARTER\",\"periodKey\":\"2025-Q2\",\"sequences\":[\"district\"]}"), EDITOR, 202);
		assertThat(generated.get("state").asString()).isEqualTo("GENERATING");
		long again = generated.get("id").asLong();
		Awaitility.await().atMost(Duration.ofSeconds(60))
			.until(() -> "DRAFT".equals(jdbc.queryForObject("SELECT state FROM bulletin WHERE id = ?", String.class, again)));
		assertThat(json(get("/api/bulletins/" + again), VIEWER, 200).get("differences").size()).isZero();

		assertThat(json(post("/api/bulletins").header("X-Requested-With", "test").contentType(MediaType.APPLICATION_JSON).content("{\"periodKind\":\"QUARTER\",\"periodKey\":\"2025-Q9\"}"),
				EDITOR, 400).get("code").asString()).isEqualTo("PERIOD_UNKNOWN");
		assertThat(json(post("/api/bulletins/" + bulletin + "/publish").header("X-Requested-With", "test"), ADMIN, 409).get("code").asString()).isEqualTo("NOT_DRAFT");
		mvc.perform(post("/api/bulletins/" + again + "/publish").header("X-Requested-With", "test").with(EDITOR)).andExpect(status().isForbidden());
		json(get("/api/bulletins/999999"), VIEWER, 404);
	}

	@Test
	@Order(7)
	void theStatisticsPagesShowTheLedgersFiguresWithCharts() throws Exception {
		String overview = page("/statistics?year=2025&period=QUARTER:2025-Q2", VIEWER);
		assertThat(overview).contains("逐月趋势（2025年度").contains("各序列排名（2025年度第2季度）").contains("id=\"ranking-district\"")
			.contains("黄埔区政府").contains("<svg").contains("每月来信、受理与退回").contains("2025年4月");
		String unit = page("/statistics/units/" + huangpu + "?year=2025", VIEWER);
		assertThat(unit).contains("黄埔区政府 · 2025年度").contains("2025年度第2季度").contains("区（县级市）序列").contains("穗府信息");
		String intake = page("/statistics/intake?from=2025-04-01&to=2025-04-30", VIEWER);
		assertThat(intake).contains("日期不对").contains("DATE_INVALID").contains("2025-04-10").contains("<svg");
		mvc.perform(get("/statistics/intake?from=2025-05-01&to=2025-04-01").with(VIEWER)).andExpect(status().isBadRequest());
		mvc.perform(get("/statistics/units/999999").with(VIEWER)).andExpect(status().isNotFound());
	}

	@Test
	@Order(8)
	void theStatisticsApiHasTheSameFigures() throws Exception {
		JsonNode trends = json(get("/api/statistics/trends?year=2025"), VIEWER, 200);
		JsonNode april = trends.get("months").valueStream().filter(m -> m.get("key").asString().equals("2025-04")).findFirst().orElseThrow();
		var aprilTotals = scores.totals(BulletinTestData.PROFILE, new PeriodRef(PeriodKind.MONTH, "2025-04"));
		assertThat(april.get("accepted").asLong()).isEqualTo(aprilTotals.values().stream().mapToLong(t -> t.submissions()).sum()).isEqualTo(3);
		assertThat(new BigDecimal(april.get("points").asString())).isEqualByComparingTo(
				aprilTotals.values().stream().map(t -> t.points()).reduce(BigDecimal.ZERO, BigDecimal::add));
		assertThat(april.get("rejected").asLong()).isEqualTo(1);

		JsonNode ranking = json(get("/api/statistics/rankings?kind=QUARTER&key=2025-Q2"), VIEWER, 200);
		assertThat(ranking.get("closed").asBoolean()).isTrue();
		assertThat(ranking.at("/sequences/0/rows/0/unitName").asString()).isEqualTo("黄埔区政府");
		JsonNode history = json(get("/api/statistics/units/" + huangpu + "?year=2025"), VIEWER, 200);
		JsonNode q2 = history.get("periods").valueStream().filter(p -> p.get("key").asString().equals("2025-Q2")).findFirst().orElseThrow();
		assertThat(q2.get("rank").asInt()).isEqualTo(1);
		assertThat(q2.get("accepted").asLong()).isEqualTo(3);
		assertThat(history.at("/adoptions/SFXX").asLong()).isEqualTo(2);
		JsonNode intake = json(get("/api/statistics/intake?from=2025-04-01&to=2025-04-30"), VIEWER, 200);
		assertThat(intake.get("days").size()).isEqualTo(30);
		assertThat(intake.get("rejected").asLong()).isEqualTo(1);
		assertThat(intake.at("/reasons/0/code").asString()).isEqualTo("DATE_INVALID");
		assertThat(json(get("/api/statistics/rankings?kind=MONTH&key=2025-04"), VIEWER, 400).get("code").asString()).isEqualTo("PERIOD_UNKNOWN");
		assertThat(json(get("/api/statistics/intake?from=2024-01-01&to=2025-06-01"), VIEWER, 400).get("code").asString()).isEqualTo("RANGE_INVALID");

		JsonNode docs = JSON.readTree(mvc.perform(get("/v3/api-docs").with(VIEWER)).andReturn().getResponse().getContentAsString());
		var paths = new ArrayList<String>();
		docs.get("paths").propertyNames().forEach(paths::add);
		assertThat(paths).contains("/api/bulletins", "/api/bulletins/{id}", "/api/bulletins/{id}/publish", "/api/bulletins/{id}/export.docx",
				"/api/statistics/trends", "/api/statistics/rankings", "/api/statistics/units/{id}", "/api/statistics/intake")
			.allMatch(p -> p.startsWith("/api/"));
	}

	private String page(String path, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private JsonNode json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, RequestPostProcessor who, int status)
			throws Exception {
		var response = mvc.perform(request.with(who)).andExpect(status().is(status)).andReturn().getResponse();
		return JSON.readTree(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}
}
