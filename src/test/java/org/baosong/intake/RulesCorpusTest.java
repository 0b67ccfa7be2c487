package org.baosong.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.RawSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rules corpus ({@code mail-fixtures/rules/}) through the real flow: each message is sent to the
 * embedded demo mailbox over SMTP (with {@code {{TODAY}}} filled in), received, parsed, extracted and
 * judged, and must end with exactly the expected outcome, reason codes, flags and reply.
 * <p>
 * The corpus runs with the settings its sidecars name under {@code settings} (each is checked to be in
 * force here): a 128 KB message limit, which every other message stays well under, for
 * MESSAGE_TOO_LARGE, and the test parser that stalls on a SLOW text file, for EXTRACTION_TIMEOUT. The
 * no-progress timeout is shortened so that message costs seconds, not the default 30.
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.enabled=false",
		"baosong.embedded-mail.max-message-size=128KB", "baosong.extraction.extra-parsers=" + RulesCorpusTest.HOSTILE_PARSER,
		"baosong.extraction.no-progress-timeout=8s" })
class RulesCorpusTest {

	static final String HOSTILE_PARSER = "org.baosong.extraction.HostileTestParser";

	static final Path CORPUS = Path.of("mail-fixtures/rules");

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	static Stream<Path> fixtures() throws IOException {
		if (!Files.isDirectory(CORPUS)) {
			return Stream.empty();
		}
		try (Stream<Path> files = Files.list(CORPUS)) {
			return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void endsAsExpected(Path eml) throws Exception {
		String name = eml.getFileName().toString();
		JsonNode expected = JsonMapper.builder().build().readTree(CORPUS.resolve(name.replace(".eml", ".expected.json")).toFile());
		expected.path("settings").properties().forEach(setting -> assertThat(environment.getProperty(setting.getKey()))
			.as(name + " needs " + setting.getKey() + "=" + setting.getValue().asString() + " in this test's properties")
			.isEqualTo(setting.getValue().asString()));
		byte[] raw = today(Files.readAllBytes(eml));
		var id = MESSAGE_ID.matcher(new String(raw, StandardCharsets.ISO_8859_1));
		assertThat(id.find()).as(name + " has a Message-ID").isTrue();
		String messageId = id.group(1);

		// the row is found as the next one received: a message that cannot be parsed never gets its Message-ID recorded
		long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM inbound_mail", Long.class);
		RawSmtp.send(mailServer.smtpPort(), "fixtures@test.example", mailServer.address(), raw);
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM inbound_mail WHERE id > ? AND status <> 'RECEIVED'", Long.class, before) == 1);
		var row = jdbc.queryForMap("SELECT * FROM inbound_mail WHERE id > ?", before);
		if (row.get("message_id") != null) {
			assertThat(row.get("message_id")).isEqualTo(messageId);
		}

		var flags = strings(expected.path("flags"));
		var reasons = strings(expected.path("reasons"));
		String what = name + " (" + expected.path("description").asString() + ")";
		var codes = row.get("reason_codes") == null ? new TreeSet<String>()
				: new TreeSet<>(Arrays.asList(((String) row.get("reason_codes")).split(",")));
		assertThat(row.get("status")).as(what + ": outcome, reasons " + codes).isEqualTo(expected.path("outcome").asString());
		var expectedCodes = new TreeSet<>(reasons);
		expectedCodes.addAll(flags);
		assertThat(codes).as(what + ": reasons and flags").isEqualTo(expectedCodes);
		if (row.get("subject") != null && !reasons.contains("CLASSIFIED_MARKING")) {
			// as decoded at receipt (an over-size message: from its header block alone) or by parsing
			assertThat(row.get("subject")).as(what + ": subject recorded")
				.isEqualTo(new String(today(expected.path("subject").asString().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
		}

		String reply = expected.path("reply").isNull() ? null : expected.path("reply").asString();
		List<String> kinds = jdbc.queryForList("SELECT kind FROM outbound_mail WHERE inbound_id = ?", String.class, row.get("id"));
		if (reply == null) {
			assertThat(kinds).as(what + ": no reply").isEmpty();
		}
		else {
			assertThat(kinds).as(what + ": reply").containsExactly(reply);
		}
	}

	private static byte[] today(byte[] raw) {
		String text = new String(raw, StandardCharsets.UTF_8);
		if (!text.contains("{{TODAY")) {
			return raw;
		}
		return text.replace("{{TODAY_CN}}", TODAY.format(DateTimeFormatter.ofPattern("yyyy年M月d日")))
			.replace("{{TODAY}}", TODAY.toString())
			.getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> strings(JsonNode array) {
		var out = new ArrayList<String>();
		array.forEach(n -> out.add(n.asString()));
		return out;
	}
}
