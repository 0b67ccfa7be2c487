package org.baosong.mailbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.baosong.archive.BlobStore;
import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.InboundRows;
import org.baosong.testsupport.Reports;


import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The inbound mail log pages: what each message shows (outcome, reasons with their names, the submission it
 * became, the replies sent, header and parts), the filters and paging, the raw download, reprocessing, and
 * that only administrators see any of it.
 */
@GatewayTest(properties = "baosong.demo.enabled=true")
@AutoConfigureMockMvc
class InboundLogControllerTest {

	static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BlobStore blobs;

	@Autowired
	EmbeddedMailServer mailServer;

	InboundRows rows;

	/** A sender address of this test run only: the shared database holds other tests' messages too. */
	final String tag = "log" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void rows() {
		rows = new InboundRows(jdbc, blobs);
	}

	static RequestPostProcessor as(String role) {
		return user("u-" + role.toLowerCase()).roles(role);
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(as("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void anAcceptedReportShowsItsTrackingNumberItsReceiptItsHeaderAndItsParts() throws Exception {
		LocalDate today = LocalDate.now(OFFICE);
		String title = "荔湾区推进老旧小区改造第" + tag + "批";
		String messageId = send("xxb.d02@demo.baosong.test", "【动态】荔湾区|" + title + "|签发人:李洋|报送人:李洋|13800007919|" + today,
				("荔湾区推进老旧小区改造，累计召开居民议事会286场，" + tag + "。").repeat(8)
						+ "\n\n单位：荔湾区政府\n签发人：李洋\n报送人：李洋\n联系电话：13800007919\n日期：" + today);
		long id = awaitOutcome(messageId, "ACCEPTED");
		var submission = jdbc.queryForMap("SELECT id, tracking_no FROM submission WHERE inbound_id = ?", id);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE inbound_id = ?", Long.class, id) == 1);
		long receipt = jdbc.queryForObject("SELECT id FROM outbound_mail WHERE inbound_id = ?", Long.class, id);

		String log = page("/ops/inbound?sender=xxb.d02@demo.baosong.test");
		assertThat(log).contains(title).contains("已受理")
			.contains("href=\"/submissions/" + submission.get("id") + "\"").contains((String) submission.get("tracking_no"));

		String detail = page("/ops/inbound/" + id);
		assertThat(detail).contains(title)
			.contains("href=\"/submissions/" + submission.get("id") + "\"").contains((String) submission.get("tracking_no"))
			.contains("受理回执").contains("href=\"/ops/outbox/" + receipt + "\"").contains("【已收到】")
			.contains("Message-ID").contains(messageId.replace("<", "&lt;").replace(">", "&gt;"))
			.contains("text/plain")
			.contains("href=\"/ops/inbound/" + id + "/raw\"");
	}

	@Test
	void aRejectedMessageShowsEveryReasonWithItsName() throws Exception {
		long id = rows.insert("REJECTED", "PHONE_INVALID,DATE_INVALID", Instant.now().minus(Duration.ofDays(3)), tag + "@unit.test", "bad subject");
		String detail = page("/ops/inbound/" + id);
		assertThat(detail).contains("已退回").contains("PHONE_INVALID").contains("联系电话格式不对").contains("DATE_INVALID").contains("日期不对")
			.contains("没有为此来信发出回复");
	}

	@Test
	void theFiltersNarrowTheLog() throws Exception {
		Instant now = Instant.now();
		long rejected = rows.insert("REJECTED", "PHONE_INVALID", now.minus(Duration.ofDays(3)), "a." + tag + "@unit.test", "rejected one");
		long quarantined = rows.insert("QUARANTINED", "PARSE_FAILED", now.minus(Duration.ofDays(10)), "b." + tag + "@unit.test",
				"quarantined one");
		long accepted = rows.insert("ACCEPTED", "NEAR_DUPLICATE,PHONE_INVALID_NOT", now.minus(Duration.ofDays(3)), "c." + tag + "@unit.test",
				"accepted one");
		jdbc.update("UPDATE inbound_mail SET discarded_at = ?, discarded_by = 'admin', discard_reason = 'spam' WHERE id = ?",
				java.time.LocalDateTime.now(java.time.ZoneOffset.UTC), quarantined);

		assertThat(page("/ops/inbound?sender=" + tag)).contains(row(rejected)).contains(row(quarantined)).contains(row(accepted));
		assertThat(page("/ops/inbound?status=REJECTED&sender=" + tag)).contains(row(rejected)).doesNotContain(row(quarantined))
			.doesNotContain(row(accepted));
		// whole codes only: PHONE_INVALID does not match PHONE_INVALID_NOT
		assertThat(page("/ops/inbound?reason=PHONE_INVALID&sender=" + tag)).contains(row(rejected)).doesNotContain(row(accepted));
		assertThat(page("/ops/inbound?reason=PHONE&sender=" + tag)).doesNotContain(row(rejected)).contains("没有符合条件的来信");
		LocalDate tenDaysAgo = LocalDate.now(OFFICE).minusDays(10);
		assertThat(page("/ops/inbound?from=" + tenDaysAgo.minusDays(1) + "&to=" + tenDaysAgo.plusDays(1) + "&sender=" + tag))
			.contains(row(quarantined)).doesNotContain(row(rejected));
		assertThat(page("/ops/inbound?mailbox=demo&sender=b." + tag)).contains(row(quarantined));
		assertThat(page("/ops/inbound?mailbox=elsewhere&sender=" + tag)).doesNotContain(row(quarantined));
		assertThat(page("/ops/inbound?discarded=yes&sender=" + tag)).contains(row(quarantined)).contains("已废弃")
			.doesNotContain(row(rejected));
		assertThat(page("/ops/inbound?discarded=no&sender=" + tag)).doesNotContain(row(quarantined)).contains(row(rejected));
	}

	@Test
	void pagingKeepsTheFilters() throws Exception {
		Instant received = Instant.now().minus(Duration.ofDays(5));
		long first = 0;
		for (int i = 0; i < 51; i++) {
			long id = rows.insertWithoutRaw("IGNORED", "AUTO_GENERATED", received, "p." + tag + "@unit.test", "auto " + i);
			first = i == 0 ? id : first;
		}
		String one = page("/ops/inbound?sender=p." + tag);
		// the pager submits the filter form: its fields carry the filters to the next page
		assertThat(one).contains("共 51 封").contains("form=\"filters\"").contains("name=\"page\" value=\"1\"")
			.contains("name=\"sender\" value=\"p." + tag + "\"").doesNotContain(row(first));
		String two = page("/ops/inbound?sender=p." + tag + "&page=1");
		assertThat(two).contains(row(first)).contains("name=\"page\" value=\"0\"");
	}

	@Test
	void theRawMessageIsADownloadTheBrowserMustNotSniff() throws Exception {
		long id = rows.insert("REJECTED", "NO_REPORT", Instant.now().minus(Duration.ofDays(3)), tag + "@unit.test", "raw one");
		String sha = jdbc.queryForObject("SELECT raw_blob FROM inbound_mail WHERE id = ?", String.class, id);
		byte[] expected;
		try (var in = blobs.open(sha).orElseThrow()) {
			expected = in.readAllBytes();
		}
		byte[] body = mvc.perform(get("/ops/inbound/" + id + "/raw").with(as("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"inbound-" + id + ".eml\""))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().contentType("message/rfc822"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(body).isEqualTo(expected);

		long purged = rows.insertWithoutRaw("REJECTED", "CLASSIFIED_MARKING", Instant.now(), tag + "@unit.test", "purged");
		mvc.perform(get("/ops/inbound/" + purged + "/raw").with(as("ADMIN"))).andExpect(status().isGone());
		assertThat(page("/ops/inbound/" + purged)).contains("原始邮件不在存档中").doesNotContain("/ops/inbound/" + purged + "/raw");
	}

	@Test
	void reprocessingPutsTheMessageBackIntoProcessingAndIsAudited() throws Exception {
		long id = rows.insert("REJECTED", "UNIT_UNKNOWN", Instant.now().minus(Duration.ofDays(3)), tag + "@unit.test", "again");
		mvc.perform(post("/ops/inbound/" + id + "/reprocess").with(as("ADMIN"))).andExpect(status().isForbidden());

		mvc.perform(post("/ops/inbound/" + id + "/reprocess").with(as("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/ops/inbound/" + id))
			.andExpect(flash().attributeExists("notice"));
		// processed again from the archived bytes: the outcome is written anew (the sender is not registered)
		await().atMost(Duration.ofSeconds(30)).until(() -> "QUARANTINED".equals(
				jdbc.queryForObject("SELECT status FROM inbound_mail WHERE id = ?", String.class, id)));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'inbound.reprocess' AND target_id = ? AND actor = 'u-admin'",
				Long.class, String.valueOf(id))).isEqualTo(1);

		long purged = rows.insertWithoutRaw("REJECTED", "CLASSIFIED_MARKING", Instant.now(), tag + "@unit.test", "purged");
		mvc.perform(post("/ops/inbound/" + purged + "/reprocess").with(as("ADMIN")).with(csrf()))
			.andExpect(flash().attributeExists("error"));
		assertThat(jdbc.queryForObject("SELECT status FROM inbound_mail WHERE id = ?", String.class, purged)).isEqualTo("REJECTED");
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({
			"ANONYMOUS, /ops/inbound, 302",
			"VIEWER,    /ops/inbound, 403",
			"REVIEWER,  /ops/inbound, 403",
			"EDITOR,    /ops/inbound, 403",
			"EDITOR,    /ops/inbound/1, 403",
			"EDITOR,    /ops/inbound/1/raw, 403",
			"ADMIN,     /ops/inbound/999999, 404" })
	void onlyAdministratorsReadTheLog(String role, String path, int expected) throws Exception {
		var request = get(path);
		if (!role.equals("ANONYMOUS")) {
			request.with(as(role));
		}
		mvc.perform(request).andExpect(status().is(expected));
	}

	@Test
	void onlyAdministratorsReprocess() throws Exception {
		long id = rows.insert("REJECTED", "UNIT_UNKNOWN", Instant.now().minus(Duration.ofDays(3)), tag + "@unit.test", "not yours");
		mvc.perform(post("/ops/inbound/" + id + "/reprocess").with(as("EDITOR")).with(csrf())).andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("SELECT status FROM inbound_mail WHERE id = ?", String.class, id)).isEqualTo("REJECTED");
	}

	private static String row(long id) {
		return "id=\"inbound-" + id + "\"";
	}

	private String send(String from, String subject, String body) throws Exception {
		return new Reports(mailServer, jdbc).send(from, subject, body);
	}

	private long awaitOutcome(String messageId, String expected) {
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM inbound_mail WHERE message_id = ? AND status <> 'RECEIVED'", Long.class, messageId) == 1);
		var row = jdbc.queryForMap("SELECT id, status, reason_codes FROM inbound_mail WHERE message_id = ?", messageId);
		assertThat(row.get("status")).as(String.valueOf(row.get("reason_codes"))).isEqualTo(expected);
		return ((Number) row.get("id")).longValue();
	}
}
