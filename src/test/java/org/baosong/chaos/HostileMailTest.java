package org.baosong.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baosong.chaos.ChaosHarness.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.baosong.testsupport.TestDatabase;

/**
 * The hostile corpus (W5) through the whole gateway: each MIME torture message and each hostile document
 * ({@link TortureMail}) is put into the mailbox of a gateway running in a JVM of its own with a 256 MB heap
 * that exits on running out of memory, and must end with its expected outcome and reason within a bounded
 * time; afterwards the gateway still files a normal report, answers on its health endpoint, and nothing
 * of a file or web server the documents named was read or contacted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileMailTest {

	/** Per message, from its arrival in the mailbox to its outcome (the hanging parser alone needs the 5 s no-progress timeout). */
	static final Duration BOUND = Duration.ofSeconds(60);

	static final String MAILBOX = "hostile";

	static final String CANARY = "CANARY-" + Long.toHexString(System.nanoTime());

	final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	MailWorld mail;

	GatewayProcess gateway;

	ChaosHarness harness;

	HttpServer canaryServer;

	final AtomicInteger canaryRequests = new AtomicInteger();

	Path canaryFile;

	TortureMail torture;

	final List<String> timings = new ArrayList<>();

	@BeforeAll
	void start() throws Exception {
		Assumptions.assumeTrue(TestDatabase.isReal(), "forks the gateway against the MySQL-protocol server (CI always has it)");
		canaryFile = Files.createTempFile("baosong-canary-", ".txt");
		Files.writeString(canaryFile, CANARY);
		canaryServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		canaryServer.createContext("/", exchange -> {
			canaryRequests.incrementAndGet();
			byte[] body = CANARY.getBytes(StandardCharsets.US_ASCII);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		canaryServer.start();

		var db = TestDatabase.create();
		mail = new MailWorld();
		var arguments = new ArrayList<>(List.of("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--spring.datasource.hikari.maximum-pool-size=4",
				"--baosong.embedded-mail.enabled=false", "--baosong.demo.enabled=true",
				"--baosong.security.initial-admin-password=chaos-admin-password", "--baosong.intake.poll-interval=200ms",
				"--baosong.replies.send-interval=200ms", "--baosong.extraction.extra-parsers=org.baosong.extraction.HostileTestParser",
				"--baosong.extraction.no-progress-timeout=5s", "--baosong.extraction.memory=256MB"));
		arguments.addAll(mail.mailboxArguments(0, MAILBOX));
		arguments.addAll(mail.relayArguments());
		gateway = GatewayProcess.create(null, "256m", List.of("-XX:+ExitOnOutOfMemoryError"), arguments);
		harness = new ChaosHarness(mail, gateway, db.url(), db.username(), db.password(), MAILBOX, Duration.ofMinutes(2));
		harness.start();
		torture = new TortureMail(MailWorld.ADDRESS, today);
	}

	@AfterAll
	void stop() throws Exception {
		if (gateway != null) {
			System.out.println("HostileMailTest: " + String.join("; ", timings) + "; gateway peak RSS " + gateway.peakRssKiB() / 1024 + " MiB");
			gateway.close(Path.of("target/chaos/HostileMailTest"));
		}
		if (mail != null) {
			mail.close();
		}
		if (canaryServer != null) {
			canaryServer.stop(0);
		}
		if (canaryFile != null) {
			Files.deleteIfExists(canaryFile);
		}
	}

	Stream<TortureMail.Case> mimeTorture() {
		return new TortureMail(MailWorld.ADDRESS, today).mimeTorture().stream();
	}

	Stream<TortureMail.Case> hostileAttachments() {
		return new TortureMail(MailWorld.ADDRESS, today).hostileAttachments(canaryUrl(), "http://127.0.0.1:" + canaryPort() + "/secret")
			.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mimeTorture")
	@Order(1)
	void aTortureMessageEndsAsExpectedInBoundedTime(TortureMail.Case hostile) throws Exception {
		endsAsExpected(hostile);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileAttachments")
	@Order(2)
	void aHostileDocumentEndsAsExpectedInBoundedTime(TortureMail.Case hostile) throws Exception {
		endsAsExpected(hostile);
	}

	@Test
	@Order(3)
	void afterwardsTheGatewayStillServesAndReadNothingItWasPointedAt() throws Exception {
		assertThat(gateway.isAlive()).as("the gateway survived with -Xmx256m and -XX:+ExitOnOutOfMemoryError").isTrue();
		assertThat(gateway.starts()).isEqualTo(1);
		endsAsExpected(torture.normalReport("after"));
		assertThat(gateway.httpStatus("/actuator/health")).isEqualTo(200);

		assertThat(canaryRequests.get()).as("no document made the gateway fetch a URL").isZero();
		try (Connection db = harness.connect()) {
			var tables = new ArrayList<String>();
			try (ResultSet r = db.getMetaData().getTables(db.getCatalog(), null, "%", new String[] { "TABLE" })) {
				while (r.next()) {
					tables.add(r.getString("TABLE_NAME"));
				}
			}
			for (String table : tables) {
				try (var s = db.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
					int columns = r.getMetaData().getColumnCount();
					while (r.next()) {
						for (int c = 1; c <= columns; c++) {
							assertThat(String.valueOf(r.getObject(c))).as(table + " holds the canary file's or web server's text").doesNotContain(CANARY);
						}
					}
				}
			}
		}
		try (Stream<Path> files = Files.walk(gateway.dataDir())) {
			for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("console-")).toList()) {
				assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(CANARY);
			}
		}
		var report = harness.check(true);
		assertThat(report.violations()).as(report.toString()).isEmpty();
	}

	private void endsAsExpected(TortureMail.Case hostile) throws Exception {
		assertThat(gateway.isAlive()).as("the gateway is running").isTrue();
		long before = harness.received();
		String sha = mail.deliver(hostile.raw());
		harness.expect(new InvariantChecker.Sent(hostile.messageId(), sha, hostile.outcome()));
		long start = System.nanoTime();
		try {
			await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).until(() -> harness.finished() == harness.sent().size());
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError(hostile.name() + ": no outcome within " + BOUND + " (received " + (harness.received() - before)
					+ "); gateway " + (gateway.isAlive() ? "running" : "DEAD") + "\n" + harness.tailOfConsole(), ex);
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		timings.add(hostile.name() + " " + millis + " ms");
		Map<String, Object> row;
		try (Connection db = harness.connect(); var s = db.prepareStatement(
				"SELECT status, reason_codes, last_error FROM inbound_mail WHERE mailbox_id = ? AND sha256 = ?")) {
			s.setString(1, MAILBOX);
			s.setString(2, sha);
			try (ResultSet r = s.executeQuery()) {
				assertThat(r.next()).as(hostile.name() + " recorded").isTrue();
				row = Map.of("status", r.getString(1), "reasons", String.valueOf(r.getString(2)), "error", String.valueOf(r.getString(3)));
			}
		}
		String what = hostile.name() + " (" + hostile.why() + "): " + row;
		assertThat(row.get("status")).as(what).isEqualTo(hostile.outcome());
		if (hostile.reason() != null) {
			assertThat(List.of(((String) row.get("reasons")).split(","))).as(what).contains(hostile.reason());
		}
		else if (!hostile.outcome().equals("ACCEPTED")) {
			assertThat((String) row.get("reasons")).as(what + ": names a reason").isNotEqualTo("null");
		}
	}

	private String canaryUrl() {
		return canaryFile.toUri().toString();
	}

	private int canaryPort() {
		return canaryServer.getAddress().getPort();
	}
}
