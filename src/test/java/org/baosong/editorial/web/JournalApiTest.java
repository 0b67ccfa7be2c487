package org.baosong.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.baosong.editorial.Commissions;
import org.baosong.editorial.Editing;
import org.baosong.editorial.JournalIssues;
import org.baosong.editorial.Journals;
import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.registry.Registry;
import org.baosong.registry.Unit;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.Reports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The journals, issues and commissions API through the real application: lists and details as JSON,
 * composing and publishing an issue with the reason codes of the refusals, commission targets with
 * their states.
 */
// the context of SubmissionPagesTest (same properties): nothing here counts across the database
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.send-interval=200ms" })
@AutoConfigureMockMvc
class JournalApiTest {

	static final RequestPostProcessor EDITOR = user("api-editor").roles("EDITOR");

	static final RequestPostProcessor VIEWER = user("api-viewer").roles("VIEWER");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	Editing editing;

	@Autowired
	Journals journals;

	@Autowired
	JournalIssues issues;

	@Autowired
	Commissions commissions;

	@Autowired
	Registry registry;

	Reports reports;

	@BeforeEach
	void setUp() {
		reports = new Reports(mailServer, jdbc);
	}

	private String inReview(String title) throws Exception {
		long id = reports.file(Reports.subject("动态", title), Reports.body(title + "，各项工作有序推进。"));
		editing.claim(id, "editor1");
		editing.submitForReview(id, "editor1", false);
		return jdbc.queryForObject("SELECT tracking_no FROM submission WHERE id = ?", String.class, id);
	}

	private org.springframework.test.web.servlet.ResultActions addItem(long issue, String body, RequestPostProcessor who) throws Exception {
		return mvc.perform(post("/api/issues/" + issue + "/items").with(who).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void anIssueIsReadComposedAndPublishedWithReasonCodesOnRefusal() throws Exception {
		String tracking = inReview("越秀区推进城市更新项目建设");
		long journal = journals.create(new Journals.Form("guangzhou-2005", "API1", "穗府信息（接口）", "市政府", "标题信息，简讯", true, 9));
		long issue = issues.create(journal, 2026, 1, LocalDate.of(2026, 11, 20), "editor1");
		long empty = issues.create(journal, 2026, 2, LocalDate.of(2026, 11, 27), "editor1");

		mvc.perform(get("/api/journals").with(VIEWER)).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'SFXX')].name").value("穗府信息"))
			.andExpect(jsonPath("$[?(@.code == 'API1')].placementKinds").value("标题信息,简讯"));
		mvc.perform(get("/api/journals/" + journal + "/issues").with(VIEWER)).andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2)).andExpect(jsonPath("$[0].issueNo").value(2))
			.andExpect(jsonPath("$[1].state").value("DRAFT")).andExpect(jsonPath("$[1].issueDate").value("2026-11-20"));
		mvc.perform(get("/api/journals/999999/issues").with(VIEWER)).andExpect(status().isNotFound());

		addItem(issue, "{\"trackingNo\":\"" + tracking + "\",\"placementKind\":\"简讯\"}", VIEWER).andExpect(status().isForbidden());
		addItem(issue, "{\"trackingNo\":\"" + tracking + "\",\"placementKind\":\"专报\"}", EDITOR).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("KIND_INVALID"));
		addItem(issue, "{\"trackingNo\":\"GZ-1999-999999\",\"placementKind\":\"简讯\"}", EDITOR).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("NO_SUCH_SUBMISSION"));
		addItem(999999, "{\"trackingNo\":\"" + tracking + "\",\"placementKind\":\"简讯\"}", EDITOR).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("NOT_FOUND"));
		addItem(issue, "{\"trackingNo\":\"" + tracking + "\",\"placementKind\":\"简讯\",\"role\":\"HOST\"}", EDITOR).andExpect(status().isOk())
			.andExpect(jsonPath("$.label").value("穗府信息（接口） 2026年第1期")).andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].trackingNo").value(tracking)).andExpect(jsonPath("$.items[0].role").value("HOST"))
			.andExpect(jsonPath("$.items[0].submissionState").value("IN_REVIEW"));
		addItem(issue, "{\"trackingNo\":\"" + tracking + "\",\"placementKind\":\"简讯\"}", EDITOR).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("ALREADY_IN_ISSUE"));

		mvc.perform(post("/api/issues/" + empty + "/publish").with(EDITOR)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("ISSUE_EMPTY"));
		mvc.perform(post("/api/issues/" + issue + "/publish").with(VIEWER)).andExpect(status().isForbidden());
		mvc.perform(post("/api/issues/" + issue + "/publish").with(EDITOR)).andExpect(status().isOk())
			.andExpect(jsonPath("$.issue.state").value("PUBLISHED")).andExpect(jsonPath("$.issue.publishedBy").value("api-editor"))
			.andExpect(jsonPath("$.items[0].submissionState").value("ADOPTED")).andExpect(jsonPath("$.items[0].actId").isNumber());
		mvc.perform(post("/api/issues/" + issue + "/publish").with(EDITOR)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("ISSUE_PUBLISHED"));
		assertThat(jdbc.queryForObject("SELECT actor FROM audit_log WHERE action = 'ISSUE_PUBLISHED' AND target_id = ?", String.class,
				String.valueOf(issue))).isEqualTo("api-editor");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE kind = 'ADOPTED' AND dedup_key = CONCAT('adoption:', ?)",
				Long.class, String.valueOf(issues.items(issue).get(0).id()))).isEqualTo(1);

		mvc.perform(get("/api/issues/" + issue).with(VIEWER)).andExpect(status().isOk())
			.andExpect(jsonPath("$.issue.journalName").value("穗府信息（接口）")).andExpect(jsonPath("$.items[0].title").value("越秀区推进城市更新项目建设"));
		mvc.perform(get("/api/issues/999999").with(VIEWER)).andExpect(status().isNotFound());
	}

	@Test
	void theApiDescriptionListsTheNewPathsWithSummaries() throws Exception {
		mvc.perform(get("/v3/api-docs").with(VIEWER)).andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/journals'].get.summary").isNotEmpty())
			.andExpect(jsonPath("$.paths['/api/journals/{id}/issues'].get.summary").isNotEmpty())
			.andExpect(jsonPath("$.paths['/api/issues/{id}'].get.summary").isNotEmpty())
			.andExpect(jsonPath("$.paths['/api/issues/{id}/items'].post.summary").isNotEmpty())
			.andExpect(jsonPath("$.paths['/api/issues/{id}/publish'].post.summary").isNotEmpty())
			.andExpect(jsonPath("$.paths['/api/issues/{id}/export.docx'].get.summary").isNotEmpty())
			.andExpect(jsonPath("$.paths['/api/commissions'].get.summary").isNotEmpty())
			.andExpect(jsonPath("$.paths['/api/commissions/{id}'].get.summary").isNotEmpty())
			.andExpect(jsonPath("$.paths['/issues/{id}/export.docx']").doesNotExist());
	}

	@Test
	void commissionsListTheirCountsAndEachTargetsState() throws Exception {
		Unit yuexiu = registry.unitByNameOrAlias("越秀区").orElseThrow();
		Unit other = registry.units().stream().filter(u -> u.active() && u.id() != yuexiu.id()).findFirst().orElseThrow();
		Instant deadline = Instant.now().plus(2, ChronoUnit.DAYS);
		long id = commissions.create("guangzhou-2005",
				new Commissions.NewCommission("YGAPI-01", "基层治理创新做法", "800字以内", deadline, List.of(yuexiu.id(), other.id()), List.of()));

		reports.file("【约稿:YGAPI-01】" + Reports.subject("动态", "越秀区网格化治理见成效"), Reports.body("越秀区推行网格化治理，矛盾纠纷就地化解率达九成。"));

		mvc.perform(get("/api/commissions").with(VIEWER)).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'YGAPI-01')].targets").value(2))
			.andExpect(jsonPath("$[?(@.code == 'YGAPI-01')].answered").value(1))
			.andExpect(jsonPath("$[?(@.code == 'YGAPI-01')].pending").value(1))
			.andExpect(jsonPath("$[?(@.code == 'YGAPI-01')].state").value("OPEN"));
		mvc.perform(get("/api/commissions/" + id).with(VIEWER)).andExpect(status().isOk())
			.andExpect(jsonPath("$.commission.topic").value("基层治理创新做法"))
			.andExpect(jsonPath("$.targets[?(@.unitId == " + yuexiu.id() + ")].state").value("ANSWERED"))
			.andExpect(jsonPath("$.targets[?(@.unitId == " + yuexiu.id() + ")].title").value("越秀区网格化治理见成效"))
			.andExpect(jsonPath("$.targets[?(@.unitId == " + other.id() + ")].state").value("PENDING"));

		jdbc.update("UPDATE commission SET deadline = ? WHERE id = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(60)), id);
		commissions.closeDue();
		mvc.perform(get("/api/commissions/" + id).with(VIEWER)).andExpect(status().isOk())
			.andExpect(jsonPath("$.commission.state").value("CLOSED"))
			.andExpect(jsonPath("$.targets[?(@.unitId == " + other.id() + ")].state").value("MISSING"));
		mvc.perform(get("/api/commissions").with(VIEWER))
			.andExpect(jsonPath("$[?(@.code == 'YGAPI-01')].missing").value(1))
			.andExpect(jsonPath("$[?(@.code == 'YGAPI-01')].pending").value(0));
		mvc.perform(get("/api/commissions/999999").with(VIEWER)).andExpect(status().isNotFound());
	}
}
