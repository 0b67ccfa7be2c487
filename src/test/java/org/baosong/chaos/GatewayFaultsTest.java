package org.baosong.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baosong.chaos.ChaosHarness.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.baosong.testsupport.CuttableProxy;
import org.baosong.testsupport.TestDatabase;

/**
 * The fault-injection suite at CI size (scripts/chaos runs it long): the gateway in a JVM of its own
 * (the Boot main class on the test class path), its database reached through a proxy that can play the
 * server down, its mailbox on GreenMail, its replies relayed to another GreenMail behind a proxy that can
 * play the relay down. One mailbox, one database, faults one after another; after each the invariants
 * ({@link InvariantChecker}) are checked over every message sent so far, against the tables and against
 * what the relay received. Kill moments come from a random seed, printed (set -Dchaos.seed to repeat one).
 * The IMAP connection cut mid-fetch and the UIDVALIDITY reset are proved in-process by MailReceivingTest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayFaultsTest {

	static final String MAILBOX = "chaos";

	static final Pattern SERVER = Pattern.compile("jdbc:mysql://([^/:]+):(\\d+)/");

	final long seed = Long.getLong("chaos.seed", new Random().nextLong() & 0xffff);

	final Random random = new Random(seed);

	MailWorld mail;

	CuttableProxy database;

	GatewayProcess gateway;

	ChaosHarness harness;

	ChaosCorpus corpus;

	int next;

	@BeforeAll
	void startTheGateway() throws Exception {
		Assumptions.assumeTrue(TestDatabase.isReal(), "forks the gateway against the MySQL-protocol server (CI always has it)");
		var db = TestDatabase.create();
		var server = SERVER.matcher(db.url());
		assertThat(server.find()).as("a MySQL URL: " + db.url()).isTrue();
		database = new CuttableProxy(Integer.parseInt(server.group(2)));
		String proxied = server.replaceFirst("jdbc:mysql://127.0.0.1:" + database.port() + "/");
		mail = new MailWorld();
		var arguments = new ArrayList<>(List.of("--spring.datasource.url=" + proxied, "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--spring.datasource.hikari.maximum-pool-size=6",
				"--baosong.embedded-mail.enabled=false", "--baosong.demo.enabled=true",
				"--baosong.security.initial-admin-password=chaos-admin-password", "--baosong.intake.poll-interval=200ms",
				"--baosong.intake.lease=10s", "--baosong.intake.retry-after=1s", "--baosong.replies.lease=10s",
				"--baosong.replies.send-interval=200ms", "--baosong.replies.retry-after=1s", "--baosong.receiving.reconnect-max=4s",
				"--baosong.extraction.pool.size=1"));
		arguments.addAll(mail.mailboxArguments(0, MAILBOX));
		arguments.addAll(mail.relayArguments());
		gateway = GatewayProcess.create(null, "384m", List.of(), arguments);
		harness = new ChaosHarness(mail, gateway, db.url(), db.username(), db.password(), MAILBOX, Duration.ofMinutes(2));
		corpus = new ChaosCorpus(MailWorld.ADDRESS, LocalDate.now(ZoneId.of("Asia/Shanghai")), "ci" + seed);
		harness.start();
	}

	@AfterAll
	void stop() throws Exception {
		if (gateway != null) {
			gateway.close(java.nio.file.Path.of("target/chaos/GatewayFaultsTest"));
		}
		if (mail != null) {
			mail.close();
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	@Order(1)
	void killedTwiceWhileDrainingNothingIsLostDoubledOrAnsweredTwice() throws Exception {
		harness.deliver(batch(200));
		var kills = new ArrayList<ChaosHarness.KillPoint>();
		for (int round = 1; round <= 2; round++) {
			kills.add(harness.killAndRestart(round, random));
		}
		harness.awaitSettled(Duration.ofMinutes(3));

		var report = harness.check(true);
		assertThat(report.violations()).as("seed " + seed + ", kills " + kills + "\n" + report).isEmpty();
		assertThat(report.rows()).isEqualTo(200);
		assertThat(kills).as("the first kill came before the drain was done").first()
			.satisfies(k -> assertThat(k.finishedAtKill()).isLessThan(200));
		assertThat(kills).as("parser processes end with their gateway").allSatisfy(k -> assertThat(k.orphanedParsers()).isZero());
	}

	@Test
	@Order(2)
	void aDatabaseOutageMidDrainLosesNothingAndProcessingResumesByItself() throws Exception {
		long before = harness.finished();
		int starts = gateway.starts();
		harness.deliver(batch(100));
		await().atMost(Duration.ofMinutes(1)).until(() -> harness.finished() >= before + 15);

		database.down();
		try {
			hold(Duration.ofSeconds(10));
			long duringOutage = database.connections();
			hold(Duration.ofSeconds(1));
			assertThat(database.connections()).as("no connection got through while the database was down").isEqualTo(duringOutage);
		}
		finally {
			database.up();
		}

		harness.awaitSettled(Duration.ofMinutes(3));
		assertThat(gateway.starts()).as("nobody restarted the gateway").isEqualTo(starts);
		assertThat(gateway.isAlive()).isTrue();
		var report = harness.check(true);
		assertThat(report.violations()).as("seed " + seed + "\n" + report).isEmpty();
		assertThat(gateway.httpStatus("/actuator/health")).isEqualTo(200);
	}

	@Test
	@Order(3)
	void repliesWaitWhileTheRelayIsDownAndAreSentOnceWhenItIsBack() throws Exception {
		long delivered = harness.delivered();
		mail.smtpProxy().down();
		try {
			harness.deliver(batch(40));
			await().atMost(Duration.ofMinutes(2)).until(() -> harness.finished() == harness.sent().size());
			assertThat(harness.unsentReplies()).as("replies wait in the outbox").isPositive();
			assertThat(harness.delivered()).isEqualTo(delivered);
			hold(Duration.ofSeconds(3));
		}
		finally {
			mail.smtpProxy().up();
		}

		harness.awaitSettled(Duration.ofMinutes(2));
		var report = harness.check(true);
		assertThat(report.violations()).as("seed " + seed + "\n" + report).isEmpty();
		assertThat(harness.delivered()).isGreaterThan(delivered);
	}

	private List<ChaosCorpus.Mail> batch(int count) {
		var mails = corpus.generate(seed, next, count);
		next += count;
		return mails;
	}

	/** A fault window: the fault holds for this long, whatever the gateway does meanwhile. */
	static void hold(Duration duration) {
		await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
	}
}
