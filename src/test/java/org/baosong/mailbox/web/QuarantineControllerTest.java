package org.baosong.mailbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.baosong.archive.BlobStore;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.InboundRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The quarantine: it lists what waits for an administrator; a message is reprocessed or discarded (only with a
 * reason, audited, kept in the log); everything is reprocessed at once with its progress shown.
 */
@GatewayTest(properties = "baosong.demo.enabled=true")
@AutoConfigureMockMvc
class QuarantineControllerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BlobStore blobs;

	InboundRows rows;

	final String tag = "q" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void rows() {
		rows = new InboundRows(jdbc, blobs);
	}

	static RequestPostProcessor as(String role) {
		return user("u-" + role.toLowerCase()).roles(role);
	}

	private String quarantinePage() throws Exception {
		return mvc.perform(get("/ops/quarantine").with(as("ADMIN"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private long quarantined(String reason) throws Exception {
		return rows.insert("QUARANTINED", reason, Instant.now().minus(Duration.ofDays(2)), tag + "@unit.test", "q " + tag);
	}

	private Map<String, Object> row(long id) {
		return jdbc.queryForMap("SELECT status, discarded_at, discarded_by, discard_reason FROM inbound_mail WHERE id = ?", id);
	}

	@Test
	void theQuarantineListsWhatWaitsWithItsReasonsAndActions() throws Exception {
		long waiting = quarantined("EXTRACTION_TIMEOUT");
		long rejected = rows.insert("REJECTED", "NO_REPORT", Instant.now().minus(Duration.ofDays(2)), tag + "@unit.test", "r");
		String page = quarantinePage();
		assertThat(page).contains("id=\"quarantined-" + waiting + "\"").doesNotContain("id=\"quarantined-" + rejected + "\"")
			.contains("EXTRACTION_TIMEOUT").contains("附件文字提取超时")
			.contains("href=\"/ops/inbound/" + waiting + "\"")
			.contains("action=\"/ops/quarantine/" + waiting + "/reprocess\"")
			.contains("action=\"/ops/quarantine/" + waiting + "/discard\"")
			.contains("name=\"_csrf\"")
			.containsPattern("name=\"reason\" required");
	}

	@Test
	void discardingNeedsAReason() throws Exception {
		long id = quarantined("PARSE_FAILED");
		mvc.perform(post("/ops/quarantine/" + id + "/discard").with(as("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/ops/quarantine"))
			.andExpect(flash().attribute("error", "废弃来信 #" + id + " 必须填写原因。"));
		mvc.perform(post("/ops/quarantine/" + id + "/discard").param("reason", "   ").with(as("ADMIN")).with(csrf()))
			.andExpect(flash().attributeExists("error"));
		assertThat(row(id).get("discarded_at")).isNull();
		assertThat(quarantinePage()).contains("id=\"quarantined-" + id + "\"");
	}

	@Test
	void aDiscardedMessageLeavesTheQuarantineStaysInTheLogMarkedAndIsAudited() throws Exception {
		long id = quarantined("PARSE_FAILED");
		mvc.perform(post("/ops/quarantine/" + id + "/discard").param("reason", "垃圾邮件").with(as("ADMIN")))
			.andExpect(status().isForbidden());
		assertThat(row(id).get("discarded_at")).isNull();

		mvc.perform(post("/ops/quarantine/" + id + "/discard").param("reason", "垃圾邮件").with(as("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/ops/quarantine"))
			.andExpect(flash().attributeExists("notice"));
		var discarded = row(id);
		assertThat(discarded.get("status")).isEqualTo("QUARANTINED");
		assertThat(discarded.get("discarded_at")).isNotNull();
		assertThat(discarded).containsEntry("discarded_by", "u-admin").containsEntry("discard_reason", "垃圾邮件");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'inbound.discard' AND target_type = 'inbound_mail' "
				+ "AND target_id = ? AND actor = 'u-admin' AND detail = '垃圾邮件'", Long.class, String.valueOf(id))).isEqualTo(1);

		assertThat(quarantinePage()).doesNotContain("id=\"quarantined-" + id + "\"");
		String log = mvc.perform(get("/ops/inbound?sender=" + tag).with(as("ADMIN"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(log).contains("id=\"inbound-" + id + "\"").contains("已废弃");
		String detail = mvc.perform(get("/ops/inbound/" + id).with(as("ADMIN"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(detail).contains("u-admin").contains("垃圾邮件").doesNotContain("/ops/inbound/" + id + "/reprocess")
			.doesNotContain("/ops/quarantine/" + id + "/discard");

		// a discarded message is not discarded twice, nor reprocessed
		mvc.perform(post("/ops/quarantine/" + id + "/discard").param("reason", "again").with(as("ADMIN")).with(csrf()))
			.andExpect(flash().attributeExists("error"));
		mvc.perform(post("/ops/quarantine/" + id + "/reprocess").with(as("ADMIN")).with(csrf()))
			.andExpect(flash().attributeExists("error"));
		assertThat(row(id)).containsEntry("discard_reason", "垃圾邮件").containsEntry("status", "QUARANTINED");
	}

	@Test
	void theDiscardFormOfTheMessagePageReturnsToIt() throws Exception {
		long id = quarantined("INTERNAL_ERROR");
		String detail = mvc.perform(get("/ops/inbound/" + id).with(as("ADMIN"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(detail).contains("action=\"/ops/quarantine/" + id + "/discard\"").contains("action=\"/ops/inbound/" + id + "/reprocess\"");
		mvc.perform(post("/ops/quarantine/" + id + "/discard").param("reason", "测试").param("detail", "true").with(as("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/ops/inbound/" + id));
	}

	@Test
	void onlyAQuarantinedMessageIsDiscarded() throws Exception {
		long id = rows.insert("ACCEPTED", null, Instant.now().minus(Duration.ofDays(2)), tag + "@unit.test", "fine");
		mvc.perform(post("/ops/quarantine/" + id + "/discard").param("reason", "x").with(as("ADMIN")).with(csrf()))
			.andExpect(flash().attributeExists("error"));
		assertThat(row(id).get("discarded_at")).isNull();
		mvc.perform(post("/ops/quarantine/999999/discard").param("reason", "x").with(as("ADMIN")).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void aReprocessedMessageIsJudgedAgainAndTheActIsAudited() throws Exception {
		long id = quarantined("INTERNAL_ERROR");
		mvc.perform(post("/ops/quarantine/" + id + "/reprocess").with(as("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/ops/quarantine"))
			.andExpect(flash().attributeExists("notice"));
		// judged again from its archived bytes: the unregistered sender is quarantined, now for that reason
		await().atMost(Duration.ofSeconds(30)).until(() -> "SENDER_UNKNOWN".equals(
				jdbc.queryForObject("SELECT reason_codes FROM inbound_mail WHERE id = ?", String.class, id)));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'inbound.reprocess' AND target_id = ?",
				Long.class, String.valueOf(id))).isEqualTo(1);
	}

	@Test
	void reprocessingEverythingShowsHowManyAreDoneAndHowManyAreLeft() throws Exception {
		long a = quarantined("INTERNAL_ERROR");
		long b = quarantined("EXTRACTION_FAILED");
		long discarded = quarantined("PARSE_FAILED");
		jdbc.update("UPDATE inbound_mail SET discarded_at = ?, discarded_by = 'x', discard_reason = 'y' WHERE id = ?",
				LocalDateTime.now(ZoneOffset.UTC), discarded);
		var session = new MockHttpSession();

		mvc.perform(post("/ops/quarantine/reprocess").session(session).with(as("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/ops/quarantine/progress"));
		var progress = (QuarantineController.Progress) session.getAttribute(QuarantineController.PROGRESS);
		assertThat(progress.ids()).contains(a, b).doesNotContain(discarded);
		assertThat(row(discarded).get("status")).isEqualTo("QUARANTINED");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'inbound.reprocess-all'", Long.class)).isPositive();

		// hold one of them in another node's lease: it is still waiting, and the page says so and reloads itself
		jdbc.update("UPDATE inbound_mail SET status = 'RECEIVED', lease_owner = 'elsewhere', lease_until = ? WHERE id = ?",
				LocalDateTime.now(ZoneOffset.UTC).plusHours(1), a);
		String running = mvc.perform(get("/ops/quarantine/progress").session(session).with(as("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(header().string("Refresh", String.valueOf(QuarantineController.REFRESH_SECONDS)))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(running).contains("id=\"requeued\">" + progress.ids().size() + "<").contains("尚待处理").contains("处理中");

		jdbc.update("UPDATE inbound_mail SET status = 'QUARANTINED', lease_owner = NULL, lease_until = NULL WHERE id = ?", a);
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM inbound_mail WHERE status = 'RECEIVED' AND id = ?", Long.class, b) == 0);
		await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get("/ops/quarantine/progress").session(session).with(as("ADMIN")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).contains("id=\"left\">0<"));
		mvc.perform(get("/ops/quarantine/progress").session(session).with(as("ADMIN")))
			.andExpect(header().doesNotExist("Refresh"));
		assertThat(mvc.perform(get("/ops/quarantine").session(session).with(as("ADMIN"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("href=\"/ops/quarantine/progress\"");
	}

	@Test
	void withoutABulkRunTheProgressPageLeadsBackToTheQuarantine() throws Exception {
		mvc.perform(get("/ops/quarantine/progress").with(as("ADMIN"))).andExpect(redirectedUrl("/ops/quarantine"));
	}

	@ParameterizedTest(name = "{0} {1} {2} -> {3}")
	@CsvSource({
			"ANONYMOUS, GET,  /ops/quarantine, 302",
			"VIEWER,    GET,  /ops/quarantine, 403",
			"EDITOR,    GET,  /ops/quarantine, 403",
			"REVIEWER,  GET,  /ops/quarantine/progress, 403",
			"EDITOR,    POST, /ops/quarantine/reprocess, 403",
			"EDITOR,    POST, /ops/quarantine/1/discard, 403",
			"REVIEWER,  POST, /ops/quarantine/1/reprocess, 403" })
	void onlyAdministratorsWorkTheQuarantine(String role, String method, String path, int expected) throws Exception {
		var request = method.equals("GET") ? get(path) : post(path).param("reason", "x").with(csrf());
		if (!role.equals("ANONYMOUS")) {
			request.with(as(role));
		}
		mvc.perform(request).andExpect(status().is(expected));
	}
}
