package org.baosong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.baosong.archive.BlobStore;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.InboundRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard: mailbox health and backlog, today's numbers in the office's time zone (a message received at
 * 23:59 Beijing time yesterday is not today's, although it is today's date in UTC for most of the day), the
 * top rejection reasons with their names, the quarantine and the outbox failures; for every role.
 */
@GatewayTest(properties = "baosong.demo.enabled=true")
@AutoConfigureMockMvc
class DashboardControllerTest {

	static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BlobStore blobs;

	InboundRows rows;

	final String tag = "d" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void rows() {
		rows = new InboundRows(jdbc, blobs);
	}

	private String dashboard(String role) throws Exception {
		return mvc.perform(get("/").with(user("u-" + role.toLowerCase()).roles(role))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static long number(String page, String rowId) {
		var matcher = Pattern.compile("id=\"" + rowId + "\">\\s*<th>[\\s\\S]*?</th>\\s*<td class=\"num\">(\\d+)</td>").matcher(page);
		assertThat(matcher.find()).as(rowId).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	@Test
	void todayIsTheOfficesDayAndTheTopReasonsAreNamed() throws Exception {
		String before = dashboard("ADMIN");
		Instant startOfToday = LocalDate.now(OFFICE).atStartOfDay(OFFICE).toInstant();
		for (int i = 0; i < 6; i++) {
			rows.insertWithoutRaw("REJECTED", i < 2 ? "TOO_MANY_PHOTOS,PHONE_INVALID" : "TOO_MANY_PHOTOS", startOfToday.plusSeconds(60 + i),
					tag + "@unit.test", "today " + i);
		}
		rows.insertWithoutRaw("ACCEPTED", null, startOfToday.plusSeconds(90), tag + "@unit.test", "today accepted");
		rows.insertWithoutRaw("REJECTED", "ARCHIVE_ATTACHMENT", startOfToday.minusSeconds(60), tag + "@unit.test", "yesterday 23:59");
		rows.insertWithoutRaw("ACCEPTED", null, startOfToday.minusSeconds(60), tag + "@unit.test", "yesterday 23:59");

		String after = dashboard("ADMIN");
		assertThat(number(after, "today-REJECTED") - number(before, "today-REJECTED")).isEqualTo(6);
		assertThat(number(after, "today-ACCEPTED") - number(before, "today-ACCEPTED")).isEqualTo(1);
		assertThat(after).contains("id=\"top-reasons\"").contains("图片过多").contains("TOO_MANY_PHOTOS").contains("联系电话格式不对")
			.doesNotContain("ARCHIVE_ATTACHMENT")
			.contains("href=\"/ops/inbound?status=REJECTED&amp;reason=TOO_MANY_PHOTOS&amp;from=" + LocalDate.now(OFFICE) + "&amp;to="
					+ LocalDate.now(OFFICE) + "\"");
		var photos = Pattern.compile("图片过多</a>\\s*<code>TOO_MANY_PHOTOS</code>\\s*</td>\\s*<td class=\"num\">(\\d+)</td>").matcher(after);
		assertThat(photos.find()).isTrue();
		assertThat(Long.parseLong(photos.group(1))).isGreaterThanOrEqualTo(6);
	}

	@Test
	void eachMailboxShowsItsConnectionLastPollAndBacklog() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> dashboard("VIEWER").contains("conn-UP"));
		// a message held by another node's lease waits in the backlog
		long waiting = rows.insertWithoutRaw("RECEIVED", null, Instant.now().minus(Duration.ofDays(3)), tag + "@unit.test", "waiting");
		jdbc.update("UPDATE inbound_mail SET lease_owner = 'elsewhere', lease_until = ? WHERE id = ?",
				LocalDateTime.now(ZoneOffset.UTC).plusHours(1), waiting);
		try {
			String page = dashboard("VIEWER");
			long backlog = jdbc.queryForObject("SELECT COUNT(*) FROM inbound_mail WHERE status = 'RECEIVED' AND mailbox_id = 'demo'", Long.class);
			assertThat(page).contains("id=\"mailbox-demo\"").contains("正常")
				.containsPattern("<td class=\"num backlog\">" + backlog + "</td>")
				.contains("submit@baosong.test (127.0.0.1:");
		}
		finally {
			jdbc.update("UPDATE inbound_mail SET status = 'IGNORED', lease_owner = NULL, lease_until = NULL WHERE id = ?", waiting);
		}
	}

	@Test
	void theQuarantineAndTheOutboxFailuresAreCountedAndLinkedForAdministrators() throws Exception {
		rows.insert("QUARANTINED", "PARSE_FAILED", Instant.now().minus(Duration.ofDays(4)), tag + "@unit.test", "stuck");
		rows.insertOutbound(null, "RECEIPT", tag + "@unit.test", "failed " + tag, "FAILED", "550 no such user");
		long quarantined = jdbc.queryForObject("SELECT COUNT(*) FROM inbound_mail WHERE status = 'QUARANTINED' AND discarded_at IS NULL",
				Long.class);
		long failed = jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE status = 'FAILED'", Long.class);

		String admin = dashboard("ADMIN");
		assertThat(admin).contains("<b id=\"quarantined\">" + quarantined + "</b>").contains("<b id=\"outbox-failed\">" + failed + "</b>")
			.contains("href=\"/ops/quarantine\"").contains("href=\"/ops/outbox?status=FAILED\"").contains("href=\"/ops/inbound\"");
		// everyone sees the numbers; only administrators get the links to pages they may open
		String viewer = dashboard("VIEWER");
		assertThat(viewer).contains("<b>" + quarantined + "</b>").doesNotContain("href=\"/ops/quarantine\"")
			.doesNotContain("href=\"/ops/inbound").contains("href=\"/ops/profile\"").contains("href=\"/registry\"");
	}

	@Test
	void theUnitsPerSequenceAreCounted() throws Exception {
		assertThat(dashboard("REVIEWER")).containsPattern("区（县级市）序列</td>\\s*<td class=\"num\">12</td>");
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
	}
}
