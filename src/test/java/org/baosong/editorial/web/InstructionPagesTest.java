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

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.baosong.editorial.Editing;
import org.baosong.editorial.InstructionFeedback;
import org.baosong.editorial.Instructions;
import org.baosong.editorial.JournalIssues;
import org.baosong.editorial.Journals;
import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.AdoptedItems;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.Reports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The instructions pages through the real application (same context as InstructionsTest): the section
 * of the submission page (record, feedback, undo; forms by role; refusals named), the list with its
 * filter, the dashboard's overdue count, and the JSON API.
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.send-interval=200ms",
		"baosong.instructions.check-interval=1h" })
@AutoConfigureMockMvc
class InstructionPagesTest {

	static final RequestPostProcessor ADMIN = user("admin1").roles("ADMIN");

	static final RequestPostProcessor EDITOR = user("editor1").roles("EDITOR");

	static final RequestPostProcessor VIEWER = user("viewer1").roles("VIEWER");

	static final LocalDate TODAY = Reports.TODAY;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	Journals journals;

	@Autowired
	JournalIssues issues;

	@Autowired
	Editing editing;

	@Autowired
	InstructionFeedback feedback;

	Reports reports;

	AdoptedItems adopted;

	@BeforeEach
	void setUp() {
		reports = new Reports(mailServer, jdbc);
		adopted = new AdoptedItems(journals, issues, editing, jdbc);
	}

	private String page(String path, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void anInstructionIsRecordedAnsweredAndUndoneOnTheSubmissionPage() throws Exception {
		var item = adopted.item(reports, "越秀区打造十五分钟便民生活圈", TODAY);
		String path = "/submissions/" + item.submissionId();
		String editorView = page(path, EDITOR);
		assertThat(editorView).contains("id=\"instructions\"").contains("还没有领导批示。").contains("id=\"record-instruction\"")
			.contains("市领导批示").contains("省政府办公厅领导以上批示").contains("不填则为批示日期后 30 天。");
		assertThat(page(path, VIEWER)).contains("id=\"instructions\"").doesNotContain("id=\"record-instruction\"");

		mvc.perform(post(path + "/instructions").with(EDITOR).with(csrf()).param("adoption", String.valueOf(item.adoptionId()))
				.param("level", "city-leader").param("leader", "王市长").param("givenOn", TODAY.toString()).param("text", "此经验可在全市推广。")
				.param("notifyText", "true"))
			.andExpect(redirectedUrl(path + "#instructions")).andExpect(flash().attribute("notice", "领导批示已登记，批示通知已排入发件箱。"));
		long id = jdbc.queryForObject("SELECT id FROM instruction WHERE submission_id = ?", Long.class, item.submissionId());
		assertThat(jdbc.queryForObject("SELECT created_by FROM instruction WHERE id = ?", String.class, id)).isEqualTo("editor1");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE dedup_key = ?", Long.class, "instruction:" + id)).isOne();

		String withOne = page(path, VIEWER);
		assertThat(withOne).contains("id=\"instruction-" + id + "\"").contains("王市长").contains("此经验可在全市推广。").contains("待反馈")
			.contains(TODAY.plusDays(30).toString()).contains("【反馈:" + item.trackingNo() + "】").doesNotContain("登记反馈");
		assertThat(page(path, EDITOR)).contains("登记反馈").doesNotContain("撤销批示");

		mvc.perform(post(path + "/instructions").with(EDITOR).with(csrf()).param("adoption", String.valueOf(item.adoptionId()))
				.param("level", "city-leader").param("leader", "王市长").param("givenOn", TODAY.plusDays(2).toString()))
			.andExpect(flash().attribute("error", "批示日期须在刊发日期和今天之间。"));
		mvc.perform(post(path + "/instructions").with(VIEWER).with(csrf()).param("adoption", String.valueOf(item.adoptionId())))
			.andExpect(status().isForbidden());

		mvc.perform(post("/instructions/" + id + "/feedback").with(EDITOR).with(csrf()).param("on", TODAY.toString()).param("text", "已全面推广。"))
			.andExpect(redirectedUrl(path + "#instructions")).andExpect(flash().attribute("notice", "反馈已登记。"));
		assertThat(page(path, VIEWER)).contains("按期反馈").contains("已全面推广。").contains("（编辑登记）");
		mvc.perform(post("/instructions/" + id + "/feedback").with(EDITOR).with(csrf()).param("on", TODAY.toString()).param("text", "again"))
			.andExpect(flash().attribute("error", "这条批示已有反馈或已撤销。"));

		mvc.perform(post("/instructions/" + id + "/undo").with(EDITOR).with(csrf())).andExpect(status().isForbidden());
		assertThat(page(path, ADMIN)).contains("撤销批示");
		mvc.perform(post("/instructions/" + id + "/undo").with(ADMIN).with(csrf()).param("reason", "误录"))
			.andExpect(redirectedUrl(path + "#instructions"));
		assertThat(page(path, VIEWER)).contains("已撤销").contains("由 admin1 撤销");
		mvc.perform(post("/instructions/999999/undo").with(ADMIN).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void aSubmissionNotAdoptedHasNoInstructionsSection() throws Exception {
		long id = reports.file(Reports.subject("动态", "越秀区组织开展冬季消防演练"), Reports.body("越秀区组织开展冬季消防演练，提升群众自救能力。"));
		assertThat(page("/submissions/" + id, EDITOR)).doesNotContain("id=\"instructions\"");
	}

	@Test
	void theListTheDashboardAndTheApiShowOverdueFeedback() throws Exception {
		var item = adopted.item(reports, "越秀区推进老字号品牌振兴", TODAY.minusDays(50));
		var request = new Instructions.NewInstruction(item.adoptionId(), "province", "陈副省长", TODAY.minusDays(45), null, null, true);
		long id = record(item.submissionId(), request);
		feedback.markOverdue();
		assertThat(jdbc.queryForObject("SELECT state FROM instruction WHERE id = ?", String.class, id)).isEqualTo("OVERDUE");

		String overdue = page("/instructions?state=OVERDUE", VIEWER);
		assertThat(overdue).contains("id=\"instruction-" + id + "\"").contains("陈副省长").contains("省政府办公厅领导以上批示").contains("逾期未反馈");
		assertThat(page("/instructions?state=FEEDBACK", VIEWER)).doesNotContain("id=\"instruction-" + id + "\"");
		assertThat(page("/instructions?level=city-leader", VIEWER)).doesNotContain("id=\"instruction-" + id + "\"");
		assertThat(page("/instructions", VIEWER)).contains("id=\"instruction-" + id + "\"");

		long count = jdbc.queryForObject("SELECT COUNT(*) FROM instruction WHERE state = 'OVERDUE'", Long.class);
		assertThat(page("/", VIEWER)).contains("<b id=\"instructions-overdue\">" + count + "</b>").contains("href=\"/instructions?state=OVERDUE\"");

		mvc.perform(get("/api/instructions").param("state", "OVERDUE").with(VIEWER)).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value((int) count))
			.andExpect(jsonPath("$.items[?(@.id == " + id + ")].levelName").value("省政府办公厅领导以上批示"))
			.andExpect(jsonPath("$.items[?(@.id == " + id + ")].feedbackDue").value(TODAY.minusDays(15).toString()));
		mvc.perform(get("/api/submissions/" + item.submissionId() + "/instructions").with(VIEWER)).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id)).andExpect(jsonPath("$[0].state").value("OVERDUE"))
			.andExpect(jsonPath("$[0].trackingNo").value(item.trackingNo()));
		mvc.perform(get("/api/submissions/999999/instructions").with(VIEWER)).andExpect(status().isNotFound());
	}

	/** Records through the page, as an editor would, and returns the new instruction's id. */
	private long record(long submissionId, Instructions.NewInstruction request) throws Exception {
		mvc.perform(post("/submissions/" + submissionId + "/instructions").with(EDITOR).with(csrf())
				.param("adoption", String.valueOf(request.adoptionId())).param("level", request.level()).param("leader", request.leaderName())
				.param("givenOn", request.givenOn().toString()).param("notifyText", String.valueOf(request.notifyText())))
			.andExpect(flash().attributeExists("notice"));
		return jdbc.queryForObject("SELECT MAX(id) FROM instruction WHERE submission_id = ?", Long.class, submissionId);
	}
}
