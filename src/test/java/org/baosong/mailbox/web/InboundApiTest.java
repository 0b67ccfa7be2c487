package org.baosong.mailbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.GatewayTestInitializer;
import org.baosong.testsupport.RawSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The "done when": mail sent to the embedded demo mailbox shows up in /api/inbound within
 * seconds, with correct Chinese subjects and attachment names; the log is for administrators only.
 */
@GatewayTest(properties = { "baosong.demo.enabled=false", "baosong.intake.poll-interval=100ms" })
class InboundApiTest {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	org.springframework.security.crypto.password.PasswordEncoder encoder;

	@BeforeEach
	void editorAccount() {
		jdbc.update("INSERT INTO app_user (username, display_name, password_hash, roles, enabled, created_at, updated_at) "
				+ "SELECT 'ed', 'ed', ?, 'EDITOR', TRUE, NOW(3), NOW(3) FROM DUAL "
				+ "WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE username = 'ed')", encoder.encode("ed-password"));
	}

	@Test
	void mailSentToTheEmbeddedMailboxShowsUpWithItsChineseSubjectAndAttachmentNames() throws Exception {
		send("mail-fixtures/intake/24-oa-raw-gbk-filename.eml");
		send("mail-fixtures/intake/02-foxmail-gb2312-split-b-3words.eml");

		JsonNode expected24 = json.readTree(Path.of("mail-fixtures/intake/24-oa-raw-gbk-filename.expected.json").toFile());
		JsonNode expected02 = json.readTree(Path.of("mail-fixtures/intake/02-foxmail-gb2312-split-b-3words.expected.json").toFile());
		await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/inbound?status=RECEIVED", "admin").path("total").asLong() == 0
				&& get("/api/inbound", "admin").path("total").asLong() >= 2);

		JsonNode list = get("/api/inbound?sender=" + expected24.path("from").get(0).path("address").asString(), "admin");
		assertThat(list.path("items").get(0).path("subject").asString()).isEqualTo(expected24.path("subject").asString());
		long id = list.path("items").get(0).path("id").asLong();

		JsonNode detail = get("/api/inbound/" + id, "admin");
		assertThat(detail.path("parts").findValuesAsString("filename"))
			.contains(expected24.path("attachments").get(0).path("filename").asString());
		assertThat(detail.path("headers").findValuesAsString("value")).contains(expected24.path("subject").asString());
		assertThat(detail.path("raw").asString()).isEqualTo("/api/inbound/" + id + "/raw");

		var raw = http.send(request(detail.path("raw").asString(), "admin").build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
		assertThat(new String(raw.body(), StandardCharsets.ISO_8859_1))
			.contains(new String(Files.readAllBytes(Path.of("mail-fixtures/intake/24-oa-raw-gbk-filename.eml")), StandardCharsets.ISO_8859_1)
				.lines().filter(l -> l.startsWith("Subject:")).findFirst().orElseThrow());

		JsonNode other = get("/api/inbound?sender=" + expected02.path("from").get(0).path("address").asString(), "admin");
		assertThat(other.path("items").get(0).path("subject").asString()).isEqualTo(expected02.path("subject").asString());
	}

	@Test
	void aMessageCanBeReprocessedFromItsArchivedBytes() throws Exception {
		send("mail-fixtures/intake/21-thunderbird-rfc2231-continuations.eml");
		JsonNode expected = json.readTree(Path.of("mail-fixtures/intake/21-thunderbird-rfc2231-continuations.expected.json").toFile());
		String sender = expected.path("from").get(0).path("address").asString();
		await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/inbound?sender=" + sender, "admin").path("total").asLong() == 1
				&& !get("/api/inbound?sender=" + sender, "admin").path("items").get(0).path("status").asString().equals("RECEIVED"));
		long id = get("/api/inbound?sender=" + sender, "admin").path("items").get(0).path("id").asLong();
		jdbc.update("UPDATE inbound_mail SET subject = 'damaged' WHERE id = ?", id);

		var response = http.send(request("/api/inbound/" + id + "/reprocess", "admin").POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).until(() -> expected.path("subject").asString()
			.equals(get("/api/inbound/" + id, "admin").path("mail").path("subject").asString())
				&& !get("/api/inbound/" + id, "admin").path("mail").path("status").asString().equals("RECEIVED"));
		assertThat(get("/api/inbound/" + id, "admin").path("mail").path("status").asString()).isNotEqualTo("RECEIVED");
	}

	@Test
	void onlyAdministratorsReadTheLog() throws Exception {
		assertThat(http.send(HttpRequest.newBuilder(uri("/api/inbound")).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
			.isEqualTo(401);
		assertThat(http.send(request("/api/inbound", "ed").build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
		assertThat(http.send(request("/api/inbound/reprocess?status=QUARANTINED", "ed").POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
		assertThat(http.send(request("/api/inbound/999999", "admin").build(), HttpResponse.BodyHandlers.discarding()).statusCode())
			.isEqualTo(404);
	}

	private void send(String file) throws Exception {
		RawSmtp.send(mailServer.smtpPort(), "sender@test.example", mailServer.address(), Files.readAllBytes(Path.of(file)));
	}

	private JsonNode get(String path, String user) throws Exception {
		var response = http.send(request(path, user).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpRequest.Builder request(String path, String user) {
		String password = user.equals("admin") ? GatewayTestInitializer.ADMIN_PASSWORD : "ed-password";
		return HttpRequest.newBuilder(uri(path)).header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.header("X-Requested-With", "test"); // a script's request (ADR 0011); GETs need not say so

	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}
}
