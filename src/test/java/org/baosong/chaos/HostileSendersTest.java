package org.baosong.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.RawSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Senders who are not what they seem, through the whole gateway (embedded mailbox, demo registry, MariaDB)
 * with a clock the test moves: an auto-reply storm (two auto-responders and a bouncing address answering
 * everything the gateway sends them, for an hour of the gateway's time: no reply to automatic mail, the
 * rate limits hold, the storm dies out) and the spoofing suite (forged From, two From, a display name naming
 * another unit or another informant's address, Authentication-Results from an untrusted host: no points for
 * anyone, no receipt). The profile trusts one authentication server, mx.gz.gov.cn, as an office behind its
 * own mail gateway would.
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.send-interval=100ms" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileSendersTest {

	static final String TRUSTED = "mx.gz.gov.cn";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@TestBean
	Clock clock;

	static final MutableClock CLOCK = new MutableClock(Instant.now());

	static Clock clock() {
		return CLOCK;
	}

	@DynamicPropertySource
	static void trustingProfile(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("baosong-profiles-");
		try (Stream<Path> profiles = Files.list(Path.of("config/profiles"))) {
			for (Path profile : profiles.toList()) {
				String text = Files.readString(profile, StandardCharsets.UTF_8);
				Files.writeString(dir.resolve(profile.getFileName()), text.replace("trusted-authserv-ids: []",
						"trusted-authserv-ids: [" + TRUSTED + "]"), StandardCharsets.UTF_8);
			}
		}
		assertThat(Files.readString(dir.resolve("guangzhou-2005.yml"))).contains("trusted-authserv-ids: [" + TRUSTED + "]");
		registry.add("baosong.profiles.dir", dir::toString);
	}

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	JdbcTemplate jdbc;

	/** Mails sent to the gateway by this class's tests (one context, one database, tests in order): numbers Message-IDs too. */
	static int sent;

	// ---- the auto-reply storm ----

	/** A well-behaved vacation responder: Auto-Submitted, 自动回复 subject, In-Reply-To. */
	static final String OUT_OF_OFFICE = "xxb.d08@demo.baosong.test";

	/** A naive responder (a mailbox rule, a broken script): "Re:" and a quote, no automatic-mail header at all. */
	static final String NAIVE = "xxb.d09@demo.baosong.test";

	/** An address whose mail server bounces everything the gateway sends it (a DSN from MAILER-DAEMON). */
	static final String BOUNCING = "xxb.d10@demo.baosong.test";

	static final Map<String, String[]> UNITS = Map.of(OUT_OF_OFFICE, new String[] { "花都区", "花都区政府", "赵晓燕", "13800055433" },
			NAIVE, new String[] { "萝岗区", "萝岗区政府", "吴子豪", "13800063352" }, BOUNCING, new String[] { "南沙区", "南沙区政府", "周敏", "13800071271" });

	@Test
	@Order(1)
	void anAutoReplyStormGetsNoReplyToAutomaticMailAndTheRateLimitsHold() throws Exception {
		Instant start = CLOCK.instant();
		var random = new Random(7);
		var seen = new HashSet<String>();
		// each unit sends a correct report first (a receipt goes back), then the storm
		for (String address : UNITS.keySet()) {
			send(report(address, random, true));
		}
		awaitQuiet();
		var newRepliesPerStep = new ArrayList<Long>();
		for (int step = 0; step < 14; step++) {
			long repliesBefore = count("SELECT COUNT(*) FROM outbound_mail");
			for (String address : UNITS.keySet()) {
				for (MimeMessage mail : newMailTo(address, seen)) {
					send(answer(address, mail));
				}
			}
			// within the hour, the people behind two of the addresses also try again with a wrong subject, every 10 minutes
			if (step % 2 == 0 && step < 12) {
				send(report(NAIVE, random, false));
				send(report(OUT_OF_OFFICE, random, false));
			}
			awaitQuiet();
			newRepliesPerStep.add(count("SELECT COUNT(*) FROM outbound_mail") - repliesBefore);
			CLOCK.advance(Duration.ofMinutes(5));
		}

		// no reply to automatic mail
		// every mail the gateway sent the vacation responder and the bouncing address was answered automatically ...
		long answeredAutomatically = count("SELECT COUNT(*) FROM outbound_mail WHERE to_addr IN (?, ?)", OUT_OF_OFFICE, BOUNCING);
		assertThat(answeredAutomatically).as("mails to the vacation responder and the bouncing address").isGreaterThanOrEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE status = 'IGNORED'")).as("auto-replies and bounces, all IGNORED")
			.isEqualTo(answeredAutomatically);
		assertThat(count("SELECT COUNT(*) FROM outbound_mail o JOIN inbound_mail m ON m.id = o.inbound_id WHERE m.status = 'IGNORED'"))
			.as("replies to automatic mail").isZero();
		assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE from_addr = ? AND subject LIKE '自动回复%' AND status <> 'IGNORED'",
				OUT_OF_OFFICE)).isZero();
		assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE from_addr LIKE 'MAILER-DAEMON%' AND status <> 'IGNORED'")).isZero();

		// the rate limits: one rejection per sender and reason set per hour, 20 replies per sender per day
		var rejections = jdbc.queryForList("SELECT to_addr, reason_key, created_at FROM outbound_mail WHERE kind = 'REJECTION' "
				+ "ORDER BY to_addr, reason_key, created_at");
		var last = new LinkedHashMap<String, java.time.LocalDateTime>();
		for (var r : rejections) {
			String key = r.get("to_addr") + " " + r.get("reason_key");
			var at = (java.time.LocalDateTime) r.get("created_at");
			if (last.containsKey(key)) {
				assertThat(Duration.between(last.get(key), at)).as("rejections to " + key).isGreaterThanOrEqualTo(Duration.ofHours(1));
			}
			last.put(key, at);
		}
		for (String address : UNITS.keySet()) {
			assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE to_addr = ?", address)).as("replies to " + address)
				.isLessThanOrEqualTo(20);
		}
		long naiveMails = count("SELECT COUNT(*) FROM inbound_mail WHERE from_addr = ?", NAIVE);
		long naiveRejections = count("SELECT COUNT(*) FROM outbound_mail WHERE to_addr = ? AND kind = 'REJECTION'", NAIVE);
		assertThat(naiveMails).as("the naive responder kept writing").isGreaterThan(6);
		var reasonSets = new HashSet<String>();
		for (String codes : jdbc.queryForList("SELECT reason_codes FROM inbound_mail WHERE from_addr = ? AND status = 'REJECTED'",
				String.class, NAIVE)) {
			reasonSets.add(String.join(",", new java.util.TreeSet<>(List.of(codes.split(",")))));
		}
		assertThat(naiveRejections).as("... and was answered once per reason set in the hour " + reasonSets).isEqualTo(reasonSets.size())
			.isLessThan(naiveMails);

		// the storm dies out: the last steps (no one writing by hand) produced nothing new
		assertThat(newRepliesPerStep.subList(newRepliesPerStep.size() - 2, newRepliesPerStep.size())).containsOnly(0L);
		// every mail to the bouncing address came back as a bounce and was linked to it
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE to_addr = ? AND status <> 'BOUNCED'", BOUNCING)).isZero();

		// an hour later the limit has passed: the same mistake is answered again
		assertThat(Duration.between(start, CLOCK.instant())).isGreaterThan(Duration.ofHours(1));
		long before = naiveRejections;
		send(report(NAIVE, random, false));
		awaitQuiet();
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE to_addr = ? AND kind = 'REJECTION'", NAIVE)).isEqualTo(before + 1);
	}

	/** What each address's owner sends back when a mail from the gateway arrives. */
	private byte[] answer(String address, MimeMessage mail) throws Exception {
		String subject = mail.getSubject();
		String id = mail.getMessageID();
		String head = "To: " + mailServer.address() + "\r\nDate: " + date() + "\r\nMessage-ID: <storm-" + (++sent) + "@units.test>\r\n"
				+ "MIME-Version: 1.0\r\n";
		return switch (address) {
			case OUT_OF_OFFICE -> utf8("From: " + address + "\r\n" + head + "Subject: " + ChaosCorpus.encoded("自动回复：" + subject)
					+ "\r\nAuto-Submitted: auto-replied\r\nIn-Reply-To: " + id + "\r\nReferences: " + id + "\r\n"
					+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
					+ ChaosCorpus.base64(utf8("您好，我正在休假，将于下周回来。")));
			case NAIVE -> utf8("From: " + address + "\r\n" + head + "Subject: " + ChaosCorpus.encoded("Re: " + subject) + "\r\n"
					+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
					+ ChaosCorpus.base64(utf8("收到，谢谢。\r\n\r\n> " + String.valueOf(mail.getContent()).replace("\n", "\n> "))));
			default -> utf8("From: Mail Delivery System <MAILER-DAEMON@mx.bounce.test>\r\n" + head
					+ "Subject: Undelivered Mail Returned to Sender\r\nAuto-Submitted: auto-replied\r\n"
					+ "Content-Type: multipart/report; report-type=delivery-status; boundary=\"dsn\"\r\n\r\n"
					+ "--dsn\r\nContent-Type: text/plain; charset=US-ASCII\r\n\r\nThis is the mail system at host mx.bounce.test.\r\n"
					+ "I'm sorry to have to inform you that your message could not be delivered.\r\n\r\n<" + address
					+ ">: host mx.bounce.test said: 550 5.1.1 mailbox unavailable\r\n--dsn\r\nContent-Type: message/delivery-status\r\n\r\n"
					+ "Reporting-MTA: dns; mx.bounce.test\r\n\r\nFinal-Recipient: rfc822; " + address + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
					+ "--dsn\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: " + mail.getHeader("From")[0] + "\r\nTo: " + address
					+ "\r\nMessage-ID: " + id + "\r\n--dsn--\r\n");
		};
	}

	/** A unit's report: correct, or with a subject that lacks 报送人, phone and date. */
	private byte[] report(String address, Random random, boolean correct) {
		String[] unit = UNITS.get(address);
		LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZONE);
		String title = unit[0] + "推进重点工作" + ChaosCorpus.text(random, 6);
		String subject = correct ? "【动态】" + unit[0] + "|" + title + "|签发人:王明|报送人:" + unit[2] + "|" + unit[3] + "|" + today
				: "【动态】" + unit[0] + "|" + title + "|签发人:王明";
		String body = ChaosCorpus.paragraphs(random) + "\r\n\r\n单位：" + unit[1] + "\r\n签发人：王明\r\n报送人：" + unit[2] + "\r\n联系电话："
				+ unit[3] + "\r\n日期：" + today;
		return utf8("From: " + address + "\r\nTo: " + mailServer.address() + "\r\nSubject: " + ChaosCorpus.encoded(subject) + "\r\nDate: "
				+ date() + "\r\nMessage-ID: <storm-" + (++sent) + "@units.test>\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + ChaosCorpus.base64(utf8(body)));
	}

	// ---- spoofing ----

	/** 越秀区's informant; 天河区 (D06) is the unit the forgers claim to be, or to report for. */
	static final String YUEXIU = "xxb.d01@demo.baosong.test";

	static final String TIANHE = "xxb.d06@demo.baosong.test";

	record Spoof(String name, String from, String extraHeaders, String unitInSubject, String outcome, String reason) {

		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Spoof> spoofs() {
		return Stream.of(
				new Spoof("forged From, the trusted server says DMARC failed", "杨丽 <" + TIANHE + ">",
						"Authentication-Results: " + TRUSTED + "; spf=fail smtp.mailfrom=evil.example; dkim=none; dmarc=fail "
								+ "header.from=demo.baosong.test\r\n", "天河区", "QUARANTINED", "SENDER_NOT_AUTHENTICATED"),
				new Spoof("forged From, a forged pass above the trusted server's fail", "杨丽 <" + TIANHE + ">",
						"Authentication-Results: " + TRUSTED + ".evil.example; dmarc=pass header.from=demo.baosong.test\r\n"
								+ "Authentication-Results: " + TRUSTED + "; dmarc=fail header.from=demo.baosong.test\r\n",
						"天河区", "QUARANTINED", "SENDER_NOT_AUTHENTICATED"),
				new Spoof("two From header fields", "杨丽 <" + TIANHE + ">", "From: intruder@evil.example\r\n", "天河区", "QUARANTINED",
						"SENDER_NOT_AUTHENTICATED"),
				new Spoof("two addresses in one From", "杨丽 <" + TIANHE + ">, intruder@evil.example", "", "天河区", "QUARANTINED",
						"SENDER_NOT_AUTHENTICATED"),
				new Spoof("display name naming another unit", "天河区政府 信息员 <" + YUEXIU + ">", "", "天河区", "REJECTED", "UNIT_MISMATCH"),
				new Spoof("display name holding another informant's address", "\"" + TIANHE + "\" <intruder@evil.example>", "", "天河区",
						"QUARANTINED", "SENDER_UNKNOWN"),
				new Spoof("unquoted address as display name", TIANHE + " <intruder@evil.example>", "", "天河区", "QUARANTINED",
						"SENDER_UNKNOWN"),
				new Spoof("encoded display name holding another informant's address", ChaosCorpus.encoded(TIANHE) + " <intruder@evil.example>",
						"", "天河区", "QUARANTINED", "SENDER_UNKNOWN"),
				new Spoof("Sender and Return-Path of an informant, From a stranger", "intruder@evil.example",
						"Sender: " + TIANHE + "\r\nReturn-Path: <" + TIANHE + ">\r\n", "天河区", "QUARANTINED", "SENDER_UNKNOWN"),
				new Spoof("an untrusted host vouches for a stranger", "intruder@evil.example",
						"Authentication-Results: evil.example; dkim=pass header.d=evil.example; dmarc=pass header.from=evil.example\r\n",
						"天河区", "QUARANTINED", "SENDER_UNKNOWN"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("spoofs")
	@Order(2)
	void aForgedSenderEarnsNoPointsAndNoReceipt(Spoof spoof) throws Exception {
		var random = new Random(spoof.name().hashCode());
		LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZONE);
		String messageId = "<spoof-" + (++sent) + "@units.test>";
		String body = ChaosCorpus.paragraphs(random) + "\r\n\r\n单位：天河区政府\r\n签发人：王明\r\n报送人：杨丽\r\n联系电话：13800039595\r\n日期：" + today;
		String subject = "【动态】" + spoof.unitInSubject() + "|天河区推进重点工作" + ChaosCorpus.text(random, 6) + "|签发人:王明|报送人:杨丽|13800039595|"
				+ today;
		String from = spoof.from().contains("=?") || spoof.from().chars().allMatch(c -> c < 128) ? spoof.from()
				: ChaosCorpus.encoded(spoof.from().substring(0, spoof.from().indexOf('<')).strip()) + " "
						+ spoof.from().substring(spoof.from().indexOf('<'));
		send(utf8("From: " + from + "\r\n" + spoof.extraHeaders() + "To: " + mailServer.address() + "\r\nSubject: "
				+ ChaosCorpus.encoded(subject) + "\r\nDate: " + date() + "\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + ChaosCorpus.base64(utf8(body))));
		awaitQuiet();

		var row = jdbc.queryForMap("SELECT id, status, reason_codes FROM inbound_mail WHERE message_id = ?", messageId);
		assertThat(row.get("status")).as(spoof + ": " + row).isEqualTo(spoof.outcome());
		assertThat(List.of(String.valueOf(row.get("reason_codes")).split(","))).as(spoof + ": " + row).contains(spoof.reason());
		assertThat(count("SELECT COUNT(*) FROM submission WHERE inbound_id = ?", row.get("id"))).as("filed").isZero();
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE inbound_id = ? AND kind = 'RECEIPT'", row.get("id"))).as("receipt")
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM outbound_mail WHERE inbound_id = ? AND to_addr IN (?, ?)", row.get("id"), TIANHE,
				"intruder@evil.example")).as("a reply to the impersonated informant or to the forger").isZero();
		assertThat(count("SELECT COUNT(*) FROM score_entry e JOIN unit u ON u.id = e.unit_id WHERE u.code = 'D06'"))
			.as("points for 天河区").isZero();
		assertThat(count("SELECT COUNT(*) FROM submission s JOIN unit u ON u.id = s.unit_id WHERE u.code = 'D06'"))
			.as("submissions for 天河区").isZero();
	}

	@Test
	@Order(3)
	void aReplyToHeaderCannotRedirectTheReceipt() throws Exception {
		var random = new Random(11);
		LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZONE);
		String messageId = "<spoof-reply-to-" + (++sent) + "@units.test>";
		String body = ChaosCorpus.paragraphs(random) + "\r\n\r\n单位：越秀区政府\r\n签发人：王明\r\n报送人：王明\r\n联系电话：13800000000\r\n日期：" + today;
		String subject = "【动态】越秀区|越秀区推进重点工作" + ChaosCorpus.text(random, 6) + "|签发人:王明|报送人:王明|13800000000|" + today;
		send(utf8("From: " + YUEXIU + "\r\nReply-To: intruder@evil.example\r\nTo: " + mailServer.address() + "\r\nSubject: "
				+ ChaosCorpus.encoded(subject) + "\r\nDate: " + date() + "\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + ChaosCorpus.base64(utf8(body))));
		awaitQuiet();
		var row = jdbc.queryForMap("SELECT id, status, reason_codes FROM inbound_mail WHERE message_id = ?", messageId);
		assertThat(row.get("status")).as(row.toString()).isEqualTo("ACCEPTED");
		assertThat(jdbc.queryForList("SELECT to_addr FROM outbound_mail WHERE inbound_id = ?", String.class, row.get("id")))
			.containsExactly(YUEXIU);
	}

	// ---- helpers ----

	private void send(byte[] raw) throws IOException {
		RawSmtp.send(mailServer.smtpPort(), "units@test.example", mailServer.address(), raw);
		sentToGateway++;
	}

	static int sentToGateway;

	/** Every mail sent has an outcome and every reply due has gone out. */
	private void awaitQuiet() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> count("SELECT COUNT(*) FROM inbound_mail") == sentToGateway
				&& count("SELECT COUNT(*) FROM inbound_mail WHERE status = 'RECEIVED'") == 0
				&& count("SELECT COUNT(*) FROM outbound_mail WHERE status = 'PENDING'") == 0);
	}

	/** Mail in the address's mailbox on the embedded server not seen before (its login and password are the address). */
	private List<MimeMessage> newMailTo(String address, Set<String> seen) throws Exception {
		var found = new ArrayList<MimeMessage>();
		Store store = Session.getInstance(new Properties()).getStore("imap");
		try {
			store.connect(mailServer.host(), mailServer.imapPort(), address, address);
		}
		catch (jakarta.mail.AuthenticationFailedException nothingYet) {
			return found;
		}
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			for (Message message : inbox.getMessages()) {
				var copy = new MimeMessage((MimeMessage) message);
				if (seen.add(address + " " + copy.getMessageID())) {
					found.add(copy);
				}
			}
			inbox.close(false);
		}
		finally {
			store.close();
		}
		return found;
	}

	private long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	private String date() {
		return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(CLOCK.instant().atZone(ZONE));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** The gateway's "now", moved by the test. */
	static final class MutableClock extends Clock {

		private final AtomicReference<Instant> now;

		MutableClock(Instant start) {
			this.now = new AtomicReference<>(start);
		}

		void advance(Duration duration) {
			now.updateAndGet(t -> t.plus(duration));
		}

		@Override
		public ZoneId getZone() {
			return ZONE;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now.get();
		}
	}
}
