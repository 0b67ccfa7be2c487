package org.baosong.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.baosong.audit.AuditLog;
import org.baosong.common.Page;
import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The audit page: newest first, filters by actor, action and target, paging that keeps the filters. */
@GatewayTest
@AutoConfigureMockMvc
class AuditControllerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditLog audit;

	@BeforeEach
	void entries() {
		if (jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE actor = 'auditor-a'", Long.class) > 0) {
			return;
		}
		Instant t = Instant.parse("2026-11-20T02:00:00Z");
		for (int i = 0; i < Page.DEFAULT_SIZE + 5; i++) {
			insert(t.plusSeconds(i), "auditor-a", "AUDIT_TEST_EDIT", "submission", "S" + i, "edit " + i);
		}
		insert(t.plusSeconds(100), "auditor-b", "AUDIT_TEST_RETURN", "submission", "S7", "<script>alert(1)</script>");
	}

	@Test
	void newestFirstWithTheOfficeTimeAndEscapedDetail() throws Exception {
		String page = page("/admin/audit?actor=auditor-b");
		assertThat(page).contains("AUDIT_TEST_RETURN").contains("2026-11-20 10:01:40").contains("&lt;script&gt;")
			.doesNotContain("<script>alert");
		assertThat(audit.search(new AuditLog.AuditFilter("auditor-a", null, null, null), 0, 10).items())
			.extracting(AuditLog.AuditEntry::targetId).startsWith("S" + (Page.DEFAULT_SIZE + 4), "S" + (Page.DEFAULT_SIZE + 3));
	}

	@Test
	void filtersCombine() {
		var page = audit.search(new AuditLog.AuditFilter(" ", "AUDIT_TEST_EDIT", "submission", "S7"), 0, 50);
		assertThat(page.total()).isEqualTo(1);
		assertThat(page.items()).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("auditor-a"));
		assertThat(audit.search(new AuditLog.AuditFilter(null, null, "submission", "S7"), 0, 50).total()).isEqualTo(2);
		assertThat(audit.actions()).contains("AUDIT_TEST_EDIT", "AUDIT_TEST_RETURN");
		assertThat(audit.targetTypes()).contains("submission");
	}

	@Test
	void pagingKeepsTheFilters() throws Exception {
		String first = page("/admin/audit?actor=auditor-a&action=AUDIT_TEST_EDIT");
		assertThat(first).contains("第 1/2 页，共 55 条")
			.contains("/admin/audit?actor=auditor-a&amp;action=AUDIT_TEST_EDIT")
			.contains("page=1");
		String second = page("/admin/audit?actor=auditor-a&action=AUDIT_TEST_EDIT&page=1");
		assertThat(second).contains("第 2/2 页").contains("submission S0<").doesNotContain("submission S10<");
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).with(user("boss").roles("ADMIN"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private void insert(Instant at, String actor, String action, String type, String id, String detail) {
		jdbc.update("INSERT INTO audit_log (occurred_at, actor, action, target_type, target_id, detail, remote_addr) "
				+ "VALUES (?, ?, ?, ?, ?, ?, '10.1.1.1')", java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC), actor, action, type, id, detail);
	}
}
