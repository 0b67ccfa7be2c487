package org.baosong.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import org.baosong.editorial.Editing;
import org.baosong.editorial.JournalIssues;
import org.baosong.editorial.Journals;
import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.Reports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An issue's DOCX export through the real application: the edited title and text of each item in the
 * issue's order with the masthead, the draft marked, the published issue not, an undone adoption left
 * out; a Chinese file name; every role may download, on the page and through the API, nobody else.
 */
// the context of SubmissionPagesTest (same properties): nothing here counts across the database
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.send-interval=200ms" })
@AutoConfigureMockMvc
class IssueExportTest {

	static final RequestPostProcessor VIEWER = user("viewer1").roles("VIEWER");

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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

	private String tracking(long id) {
		return jdbc.queryForObject("SELECT tracking_no FROM submission WHERE id = ?", String.class, id);
	}

	private byte[] download(long issue, String filename) throws Exception {
		String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
		return mvc.perform(get("/issues/" + issue + "/export.docx").with(VIEWER)).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", DOCX))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''" + encoded)))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
			.andReturn().getResponse().getContentAsByteArray();
	}

	private static List<String> texts(byte[] docx) throws Exception {
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			return doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank()).toList();
		}
	}

	private static String pageHeader(byte[] docx) throws Exception {
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			var text = new StringBuilder();
			doc.getHeaderList().forEach(h -> text.append(h.getText()));
			return text.toString();
		}
	}

	@Test
	void theExportPrintsTheEditedItemsInOrderAndMarksTheDraft() throws Exception {
		var reports = new Reports(mailServer, jdbc);
		long first = reports.file(Reports.subject("动态", "越秀区推进老旧小区改造"), Reports.body("越秀区推进老旧小区改造，原稿文字。"));
		editing.claim(first, "editor1");
		editing.edit(first, "editor1", null, "越秀区老旧小区改造惠及3万户",
				"　　今年以来，越秀区改造老旧小区42个，惠及居民3万户。\n\n　　下一步，将推进加装电梯等配套工作。\n\n签发人：王明\n联系电话：13800138000", "精简");
		editing.submitForReview(first, "editor1", false);
		long second = reports.file(Reports.subject("动态", "越秀区开展冬季防火检查"), Reports.body("越秀区开展冬季防火检查，排查隐患86处。"));
		editing.claim(second, "editor1");
		editing.submitForReview(second, "editor1", false);

		long journal = journals.create(new Journals.Form("guangzhou-2005", "EXP1", "穗府信息", "市政府", "标题信息，短波信息", true, 8));
		long issue = issues.create(journal, 2026, 1, LocalDate.of(2026, 11, 22), "editor1");
		issues.add(issue, tracking(second), "短波信息", null);
		issues.add(issue, tracking(first), "标题信息", null);

		byte[] draft = download(issue, "穗府信息2026年第1期（草稿）.docx");
		assertThat(pageHeader(draft)).contains("草稿");
		List<String> printed = texts(draft);
		assertThat(printed).startsWith("穗府信息", "第1期", "广州市人民政府办公厅（新闻信息处）编\t2026年11月22日");
		assertThat(printed).containsSubsequence("越秀区开展冬季防火检查", "越秀区老旧小区改造惠及3万户", "今年以来，越秀区改造老旧小区42个，惠及居民3万户。",
				"下一步，将推进加装电梯等配套工作。〔越秀区〕", "报：省政府办公厅。");
		assertThat(String.join("\n", printed)).doesNotContain("原稿文字").doesNotContain("签发人").doesNotContain("联系电话");

		issues.publish(issue, "reviewer1");
		byte[] published = download(issue, "穗府信息2026年第1期.docx");
		assertThat(pageHeader(published)).doesNotContain("草稿");
		assertThat(texts(published)).contains("越秀区开展冬季防火检查", "越秀区老旧小区改造惠及3万户");

		long undone = issues.items(issue).stream().filter(i -> i.submissionId() == second).findFirst().orElseThrow().id();
		issues.undo(undone, "admin1", "误选");
		assertThat(texts(download(issue, "穗府信息2026年第1期.docx"))).doesNotContain("越秀区开展冬季防火检查")
			.contains("越秀区老旧小区改造惠及3万户");

		String page = mvc.perform(get("/issues/" + issue).with(VIEWER)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("href=\"/issues/" + issue + "/export.docx\"");
		byte[] throughApi = mvc.perform(get("/api/issues/" + issue + "/export.docx").with(VIEWER)).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", DOCX)).andReturn().getResponse().getContentAsByteArray();
		assertThat(texts(throughApi)).contains("越秀区老旧小区改造惠及3万户");
	}

	@Test
	void anUnknownIssueIsNotFoundAndAnonymousCallersLogInFirst() throws Exception {
		mvc.perform(get("/issues/999999/export.docx").with(VIEWER)).andExpect(status().isNotFound());
		mvc.perform(get("/issues/999999/export.docx")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/issues/999999/export.docx").with(VIEWER)).andExpect(status().isNotFound());
		mvc.perform(get("/api/issues/999999/export.docx")).andExpect(status().isUnauthorized());
	}
}
