package org.baosong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.registry.Registry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as a fresh checkout runs it: config/application.yml as shipped (H2 file database in
 * MySQL mode under the data directory, embedded GreenMail mailbox, demo data). Only the data
 * directory and the ports are moved out of the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedDefaultTest {

	static Path dataDir;

	@DynamicPropertySource
	static void isolate(DynamicPropertyRegistry registry) throws IOException {
		dataDir = Files.createTempDirectory("baosong-embedded-");
		registry.add("baosong.data-dir", dataDir::toString);
		registry.add("baosong.embedded-mail.smtp-port", () -> "0");
		registry.add("baosong.embedded-mail.imap-port", () -> "0");
	}

	@LocalServerPort
	int port;

	@Autowired
	Registry registry;

	@Autowired
	EmbeddedMailServer embeddedMail;

	@Test
	void bootsWithHealthUpAndTheDemoRegistry() throws Exception {
		JsonNode health = getJson("/actuator/health");
		assertThat(health.path("status").asString()).isEqualTo("UP");

		assertThat(registry.units()).hasSize(130);
		assertThat(registry.activeUnitsBySequence()).containsExactly(
				org.assertj.core.api.Assertions.entry("district", 12L), org.assertj.core.api.Assertions.entry("dept-a", 20L),
				org.assertj.core.api.Assertions.entry("dept-b", 27L), org.assertj.core.api.Assertions.entry("direct-a", 37L),
				org.assertj.core.api.Assertions.entry("direct-b", 34L));
		assertThat(registry.informants()).hasSize(130);
		assertThat(registry.unitByNameOrAlias("越秀区")).get().extracting(u -> u.code()).isEqualTo("D01");
	}

	@Test
	void runsOnTheEmbeddedDefaultsUnderTheDataDirectory() throws Exception {
		assertThat(dataDir.resolve("db/baosong.mv.db")).exists();
		assertThat(dataDir.resolve("demo-logins.txt")).exists();
		assertThat(Files.readString(dataDir.resolve("demo-logins.txt"))).contains("admin / ").contains("editor / ");
		assertThat(embeddedMail.host()).isEqualTo("127.0.0.1");
		assertThat(embeddedMail.imapPort()).isPositive();
		assertThat(embeddedMail.smtpPort()).isPositive();
	}

	@Test
	void infoCarriesTheVersion() throws Exception {
		JsonNode info = getJson("/actuator/info");
		assertThat(info.path("build").path("version").asString()).isNotBlank();
		assertThat(info.path("build").path("artifact").asString()).isEqualTo("baosong");
	}

	@Test
	void pagesNeedALogin() throws Exception {
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/registry")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
	}

	private JsonNode getJson(String path) throws Exception {
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}
}
