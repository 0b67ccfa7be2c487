package org.baosong.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import org.baosong.editorial.Editing;
import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.Reports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The journals pages through the real application: an administrator creates a journal, an editor
 * opens an issue (number proposed) and composes it, a reviewer publishes it (the submission adopted,
 * the 采用反馈 queued), read-only users see no forms, an administrator undoes the adoption.
 */
// its own context (the send interval makes the key differ): the queue and search tests count what their context filed
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.send-interval=300ms" })
@AutoConfigureMockMvc
class JournalPagesTest {

	static final RequestPostProcessor ADMIN = user("admin1").roles("ADMIN");

	static final RequestPostProcessor EDITOR = user("editor1").roles("EDITOR");

	static final RequestPostProcessor REVIEWER = user("reviewer1").roles("REVIEWER");

	static final RequestPostProcessor VIEWER = user("viewer1").roles("VIEWER");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	Editing editing;

	private String page(String path, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private String redirect(String path, RequestPostProcessor who, String... params) throws Exception {
		var request = post(path).with(who).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
	}

	@Test
	void aJournalIssueIsComposedPublishedAndUndoneThroughThePages() throws Exception {
		long id = new Reports(mailServer, jdbc).file(Reports.subject("动态", "越秀区试点长者饭堂运营"),
				Reports.body("越秀区试点长者饭堂，每日供餐八百份。"));
		editing.claim(id, "editor1");
		editing.submitForReview(id, "editor1", false);
		String tracking = jdbc.queryForObject("SELECT tracking_no FROM submission WHERE id = ?", String.class, id);

		String journalUrl = redirect("/journals", ADMIN, "profileId", "guangzhou-2005", "code", "PAGE1", "name", "穗府信息（测试）",
				"level", "市级", "placementKinds", "标题信息，简讯", "active", "true");
		assertThat(journalUrl).matches("/journals/\\d+");
		assertThat(page("/journals", VIEWER)).contains("穗府信息（测试）").contains("标题信息、简讯").doesNotContain("id=\"create-journal\"");
		assertThat(page(journalUrl, EDITOR)).contains("id=\"new-issue\"").doesNotContain("id=\"save-journal\"");
		assertThat(page(journalUrl, VIEWER)).doesNotContain("id=\"new-issue\"");
		assertThat(page(journalUrl + "/issues/new", EDITOR)).containsPattern("id=\"issue-number\"[^>]*value=\"1\"");
		mvc.perform(get(journalUrl + "/issues/new").with(VIEWER)).andExpect(status().isForbidden());

		String issueUrl = redirect(journalUrl + "/issues", EDITOR, "year", "2026", "number", "1", "date", "2026-11-20");
		assertThat(issueUrl).matches("/issues/\\d+");
		assertThat(redirect(journalUrl + "/issues", EDITOR, "year", "2026", "number", "1", "date", "2026-11-20")).endsWith("/issues/new");
		assertThat(page(journalUrl + "/issues/new", EDITOR)).containsPattern("id=\"issue-number\"[^>]*value=\"2\"");

		mvc.perform(post(issueUrl + "/items").with(EDITOR).with(csrf()).param("trackingNo", "GZ-1999-999999").param("placementKind", "简讯"))
			.andExpect(flash().attribute("error", "找不到该编号的稿件。"));
		redirect(issueUrl + "/items", EDITOR, "trackingNo", tracking, "placementKind", "简讯", "role", "");
		assertThat(page(issueUrl, VIEWER)).contains(tracking).contains("越秀区试点长者饭堂运营").contains("草稿").doesNotContain("id=\"publish\"");
		assertThat(page(issueUrl, EDITOR)).contains("id=\"publish\"").contains("id=\"add\"");

		mvc.perform(post(issueUrl + "/publish").with(REVIEWER).with(csrf()))
			.andExpect(flash().attribute("notice", "本期已发布，采用反馈邮件已排队发送。"));
		assertThat(jdbc.queryForObject("SELECT state FROM submission WHERE id = ?", String.class, id)).isEqualTo("ADOPTED");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE kind = 'ADOPTED' AND to_addr = ?", Long.class, Reports.YUEXIU))
			.isEqualTo(1);
		String published = page(issueUrl, EDITOR);
		assertThat(published).contains("已发布").contains("由 reviewer1 于").doesNotContain("id=\"publish\"").doesNotContain("撤销采用");
		assertThat(page(issueUrl, ADMIN)).contains("撤销采用");
		assertThat(page("/submissions/" + id, VIEWER)).contains("穗府信息（测试） 2026年第1期 简讯");

		long adoption = jdbc.queryForObject("SELECT id FROM adoption WHERE submission_id = ?", Long.class, id);
		mvc.perform(post(issueUrl + "/items/" + adoption + "/undo").with(EDITOR).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post(issueUrl + "/items/" + adoption + "/undo").with(ADMIN).with(csrf()).param("reason", "误发"))
			.andExpect(flash().attribute("notice", "已撤销该条采用。"));
		assertThat(jdbc.queryForObject("SELECT state FROM submission WHERE id = ?", String.class, id)).isEqualTo("IN_REVIEW");
		assertThat(page(issueUrl, ADMIN)).contains("已撤销（admin1）");
		assertThat(page("/submissions/" + id, VIEWER)).contains("撤销采用，退回待审核");
	}
}
