package org.baosong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.baosong.archive.BlobStore;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.InboundRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every operations page has all its texts in both languages (a missing key renders as ??key??) and its title
 * in the chosen language; Chinese is the default.
 */
@GatewayTest(properties = "baosong.demo.enabled=true")
@AutoConfigureMockMvc
class OperationsPagesTextTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BlobStore blobs;

	@ParameterizedTest(name = "{0} in {1}")
	@CsvSource({
			"/,                  zh_CN, 工作台",
			"/,                  en,    Dashboard",
			"/ops/inbound,       zh_CN, 来信日志",
			"/ops/inbound,       en,    Inbound mail log",
			"INBOUND,            zh_CN, 来信 #",
			"INBOUND,            en,    Inbound message #",
			"/ops/quarantine,    zh_CN, 隔离区",
			"/ops/quarantine,    en,    Quarantine",
			"/ops/outbox,        zh_CN, 发件箱",
			"/ops/outbox,        en,    Outbox",
			"OUTBOUND,           zh_CN, 发出邮件 #",
			"OUTBOUND,           en,    Outbound mail #",
			"/ops/profile,       zh_CN, 报送规则",
			"/ops/profile,       en,    Submission rules",
			"/registry,          zh_CN, 单位与信息员",
			"/registry,          en,    Units and informants",
			"/registry/units/1/edit, zh_CN, 编辑单位",
			"/registry/units/1/edit, en,    Edit unit" })
	void everyTextIsThereInBothLanguages(String path, String language, String title) throws Exception {
		var rows = new InboundRows(jdbc, blobs);
		long inbound = rows.insert("QUARANTINED", "PARSE_FAILED,SOMETHING_UNNAMED", Instant.now().minus(Duration.ofDays(6)),
				"lang@unit.test", "language");
		long outbound = rows.insertOutbound(inbound, "REJECTION", "lang@unit.test", "language", "FAILED", "x");
		String target = switch (path) {
			case "INBOUND" -> "/ops/inbound/" + inbound;
			case "OUTBOUND" -> "/ops/outbox/" + outbound;
			default -> path;
		};
		String page = mvc.perform(get(target).cookie(new Cookie("baosong-lang", language)).with(user("a").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).doesNotContain("??").containsPattern("<title>" + java.util.regex.Pattern.quote(title));
	}
}
