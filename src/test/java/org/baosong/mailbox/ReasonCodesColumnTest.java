package org.baosong.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code inbound_mail.reason_codes} was narrowed to fit a covering index (V25). A message's codes are stored
 * joined with commas, so the column must hold every code there is at once: the reply templates name each of
 * them (reasons.properties), and a code added there that made the join too long would fail here, not in
 * production, where the write would be refused.
 */
@GatewayTest(properties = { "baosong.demo.enabled=false", "baosong.intake.enabled=false", "baosong.receiving.enabled=false" })
class ReasonCodesColumnTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyReasonCodeAtOnceFitsTheColumn() throws IOException {
		var names = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("config/templates/mail/reasons.properties"), StandardCharsets.UTF_8)) {
			names.load(reader);
		}
		String all = String.join(",", new TreeSet<>(names.stringPropertyNames()));
		Integer width = jdbc.queryForObject("SELECT CHARACTER_MAXIMUM_LENGTH FROM information_schema.COLUMNS"
				+ " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'inbound_mail' AND COLUMN_NAME = 'reason_codes'", Integer.class);
		assertThat(names.stringPropertyNames()).contains("SUBJECT_FORMAT", "DUPLICATE", "NEAR_DUPLICATE", "INTERNAL_ERROR");
		assertThat(all.length()).as("all %d codes joined: %s", names.size(), all).isLessThanOrEqualTo(width);
	}
}
