package org.baosong.replies.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The outbox pages: filters by state and kind, one mail as sent, and the audited retry of a failed one. */
@GatewayTest(properties = "baosong.demo.enabled=true")
@AutoConfigureMockMvc
class OutboxControllerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BlobStore blobs;

	InboundRows rows;

	final String tag = "o" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void rows() {
		rows = new InboundRows(jdbc, blobs);
	}

	static RequestPostProcessor as(String role) {
		return user("u-" + role.toLowerCase()).roles(role);
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(as("ADMIN"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String row(long id) {
		return "id=\"outbound-" + id + "\"";
	}

	@Test
	void theFiltersSelectByStateAndKind() throws Exception {
		long failedRejection = rows.insertOutbound(null, "REJECTION", tag + "@unit.test", "【退回】" + tag, "FAILED", "Connection refused");
		long sentReceipt = rows.insertOutbound(null, "RECEIPT", tag + "@unit.test", "【已收到】" + tag, "SENT", null);
		long suppressed = rows.insertOutbound(null, "REJECTION", tag + "@unit.test", "【退回】held " + tag, "SUPPRESSED", null);

		String all = page("/ops/outbox");
		assertThat(all).contains(row(failedRejection)).contains(row(sentReceipt)).contains(row(suppressed))
			.contains("发送失败").contains("已发送").contains("未发送（已抑制）").contains("Connection refused");
		assertThat(page("/ops/outbox?status=FAILED")).contains(row(failedRejection)).doesNotContain(row(sentReceipt))
			.doesNotContain(row(suppressed));
		assertThat(page("/ops/outbox?kind=RECEIPT")).contains(row(sentReceipt)).doesNotContain(row(failedRejection));
		assertThat(page("/ops/outbox?status=SUPPRESSED&kind=REJECTION")).contains(row(suppressed)).doesNotContain(row(failedRejection));
		assertThat(page("/ops/outbox?status=SENT&kind=REJECTION")).doesNotContain(row(failedRejection)).doesNotContain(row(sentReceipt));
		// only a failed mail offers the retry
		assertThat(all).contains("action=\"/ops/outbox/" + failedRejection + "/retry\"")
			.doesNotContain("action=\"/ops/outbox/" + sentReceipt + "/retry\"");
	}

	@Test
	void aMailIsShownAsItWasQueuedWithItsInboundMessage() throws Exception {
		long inbound = rows.insertWithoutRaw("REJECTED", "NO_REPORT", java.time.Instant.now(), tag + "@unit.test", "x");
		long id = rows.insertOutbound(inbound, "REJECTION", tag + "@unit.test", "【退回】正文 " + tag, "SENT", null);
		assertThat(page("/ops/outbox/" + id)).contains("【退回】正文 " + tag).contains("正文：【退回】正文 " + tag)
			.contains("href=\"/ops/inbound/" + inbound + "\"").contains("退回通知").doesNotContain("可能重复");
		jdbc.update("UPDATE outbound_mail SET in_doubt = 2 WHERE id = ?", id);
		assertThat(page("/ops/outbox/" + id)).contains("可能重复").contains("发送中断 2 次后重发");
		mvc.perform(get("/ops/outbox/999999").with(as("ADMIN"))).andExpect(status().isNotFound());
	}

	@Test
	void aFailedMailIsRetriedWithFreshAttemptsAndTheRetryIsAudited() throws Exception {
		long id = rows.insertOutbound(null, "RECEIPT", tag + "@unit.test", "【已收到】retry " + tag, "FAILED", "421 try later");
		mvc.perform(post("/ops/outbox/" + id + "/retry").with(as("ADMIN"))).andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("SELECT status FROM outbound_mail WHERE id = ?", String.class, id)).isEqualTo("FAILED");

		mvc.perform(post("/ops/outbox/" + id + "/retry").with(as("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/ops/outbox"))
			.andExpect(flash().attribute("notice", "邮件 #" + id + " 已放回发送队列。"));
		var row = jdbc.queryForMap("SELECT status, attempts FROM outbound_mail WHERE id = ?", id);
		// back in the queue: the sender picks it up (and may already have sent it to the demo relay)
		assertThat(row.get("status")).isIn("PENDING", "SENT");
		assertThat(((Number) row.get("attempts")).intValue()).isLessThanOrEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'outbox.retry' AND target_type = 'outbound_mail' "
				+ "AND target_id = ? AND actor = 'u-admin'", Long.class, String.valueOf(id))).isEqualTo(1);

		// a mail that has not failed is not retried
		mvc.perform(post("/ops/outbox/" + id + "/retry").param("detail", "true").with(as("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/ops/outbox/" + id));
		long sent = rows.insertOutbound(null, "RECEIPT", tag + "@unit.test", "sent " + tag, "SENT", null);
		mvc.perform(post("/ops/outbox/" + sent + "/retry").with(as("ADMIN")).with(csrf()))
			.andExpect(flash().attribute("error", "邮件 #" + sent + " 不是发送失败状态，无需重试。"));
		assertThat(jdbc.queryForObject("SELECT status FROM outbound_mail WHERE id = ?", String.class, sent)).isEqualTo("SENT");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'outbox.retry' AND target_id = ?", Long.class,
				String.valueOf(sent))).isZero();
	}

	@ParameterizedTest(name = "{0} {1} {2} -> {3}")
	@CsvSource({
			"ANONYMOUS, GET,  /ops/outbox, 302",
			"VIEWER,    GET,  /ops/outbox, 403",
			"EDITOR,    GET,  /ops/outbox/1, 403",
			"REVIEWER,  GET,  /ops/outbox, 403",
			"EDITOR,    POST, /ops/outbox/1/retry, 403" })
	void onlyAdministratorsSeeTheOutbox(String role, String method, String path, int expected) throws Exception {
		var request = method.equals("GET") ? get(path) : post(path).with(csrf());
		if (!role.equals("ANONYMOUS")) {
			request.with(as(role));
		}
		mvc.perform(request).andExpect(status().is(expected));
	}
}
