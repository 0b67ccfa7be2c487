package org.baosong.bulletins;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;

import org.baosong.editorial.ActAttributes;
import org.baosong.editorial.Editing;
import org.baosong.editorial.EditorialActs;
import org.baosong.editorial.Filing;
import org.baosong.editorial.FilingRequest;
import org.baosong.editorial.JournalIssues;
import org.baosong.editorial.Journals;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.ProfileCatalog;
import org.baosong.scoring.Ledger;
import org.baosong.testsupport.InboundRows;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports, adoptions and acts of the Guangzhou demo registry for bulletin tests, through the public calls the
 * gateway makes (as the scoring tests' fixtures do): a submission is filed and counted in the ledger in one
 * transaction, adoptions go through real journal issues, instructions, upper adoptions and commissions through
 * the act stream; rejected messages are rows of the inbound log with the unit and the reason codes.
 */
public final class BulletinTestData {

	public static final String PROFILE = "guangzhou-2005";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final Filing filing;

	private final Ledger ledger;

	private final EditorialActs acts;

	private final Editing editing;

	private final Journals journals;

	private final JournalIssues issues;

	private final InboundRows inbound;

	private final JurisdictionProfile profile;

	private final Map<String, Long> units = new HashMap<>();

	private BulletinTestData(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.tx = context.getBean(TransactionTemplate.class);
		this.filing = context.getBean(Filing.class);
		this.ledger = context.getBean(Ledger.class);
		this.acts = context.getBean(EditorialActs.class);
		this.editing = context.getBean(Editing.class);
		this.journals = context.getBean(Journals.class);
		this.issues = context.getBean(JournalIssues.class);
		this.inbound = new InboundRows(jdbc, context.getBean(org.baosong.archive.BlobStore.class));
		this.profile = context.getBean(ProfileCatalog.class).find(PROFILE).orElseThrow();
	}

	public static BulletinTestData of(ApplicationContext context) {
		return new BulletinTestData(context);
	}

	public long unit(String code) {
		return units.computeIfAbsent(code, c -> jdbc.queryForObject("SELECT id FROM unit WHERE code = ?", Long.class, c));
	}

	/** A report of the unit accepted on the day given; returns the submission id. */
	public long submission(String unitCode, String type, LocalDate receivedOn) {
		long unit = unit(unitCode);
		String sequence = jdbc.queryForObject("SELECT sequence_code FROM unit WHERE id = ?", String.class, unit);
		Instant receivedAt = receivedOn.atTime(10, 0).atZone(ZONE).toInstant();
		int n = SEQUENCE.incrementAndGet();
		long inboundId = inbound.insertWithoutRaw("ACCEPTED", null, receivedAt, "xxb." + unitCode.toLowerCase() + "@demo.baosong.test",
				"bulletin report " + n);
		jdbc.update("UPDATE inbound_mail SET unit_id = ? WHERE id = ?", unit, inboundId);
		return tx.execute(s -> {
			var filed = filing.file(new FilingRequest(inboundId, profile.id(), profile.trackingPrefix(), unit, null, sequence, type,
					"通报测试信息第" + n + "条", "王明", "李华", "13800138000", receivedOn, "通报测试信息正文" + n, null, null, null, List.of(),
					List.of(), receivedAt, receivedOn));
			ledger.recordSubmission(profile, unit, filed.submissionId(), filed.trackingNo(), type, receivedOn, receivedAt);
			return filed.submissionId();
		});
	}

	/** A report under review, ready to be adopted. */
	public long inReview(String unitCode, LocalDate receivedOn) {
		long id = submission(unitCode, "动态", receivedOn);
		editing.claim(id, "editor1");
		editing.submitForReview(id, "editor1", false);
		return id;
	}

	/** A rejected message of the unit, with its reason codes (comma-separated). */
	public long rejected(String unitCode, LocalDate receivedOn, String reasons) {
		long id = inbound.insertWithoutRaw("REJECTED", reasons, receivedOn.atTime(9, 0).atZone(ZONE).toInstant(),
				"xxb." + unitCode.toLowerCase() + "@demo.baosong.test", "rejected " + SEQUENCE.incrementAndGet());
		jdbc.update("UPDATE inbound_mail SET unit_id = ? WHERE id = ?", unit(unitCode), id);
		return id;
	}

	/** A message of the unit that was ignored (an auto-reply, a bounce): not counted as received. */
	public long ignored(String unitCode, LocalDate receivedOn) {
		long id = inbound.insertWithoutRaw("IGNORED", null, receivedOn.atTime(9, 0).atZone(ZONE).toInstant(),
				"xxb." + unitCode.toLowerCase() + "@demo.baosong.test", "ignored " + SEQUENCE.incrementAndGet());
		jdbc.update("UPDATE inbound_mail SET unit_id = ? WHERE id = ?", unit(unitCode), id);
		return id;
	}

	/** A rejected message from a sender of no known unit. */
	public long rejectedUnknown(LocalDate receivedOn, String reasons) {
		return inbound.insertWithoutRaw("REJECTED", reasons, receivedOn.atTime(9, 0).atZone(ZONE).toInstant(), "stranger@example.test",
				"rejected " + SEQUENCE.incrementAndGet());
	}

	public String tracking(long submission) {
		return jdbc.queryForObject("SELECT tracking_no FROM submission WHERE id = ?", String.class, submission);
	}

	public long unitOf(long submission) {
		return jdbc.queryForObject("SELECT unit_id FROM submission WHERE id = ?", Long.class, submission);
	}

	/** Publishes a new issue of a demo journal with these submissions in this placement; returns the issue id. */
	public long publish(String journalCode, int year, LocalDate day, String placement, long... submissions) {
		long journal = journals.list().stream().filter(j -> j.code().equals(journalCode) && j.profileId().equals(PROFILE)).findFirst()
			.orElseThrow().id();
		long issue = issues.create(journal, year, issues.proposedNumber(journal, year), day, "editor1");
		for (long s : submissions) {
			issues.add(issue, tracking(s), placement, null);
		}
		issues.publish(issue, "reviewer1");
		return issue;
	}

	public long act(String kind, LocalDate day, long unitId, Long submission, String refType, Long refId, Map<String, String> attributes) {
		return tx.execute(s -> acts.record(profile.id(), kind, day, unitId, submission, refType, refId, kind + " 测试",
				ActAttributes.of(attributes)));
	}

	public long instruction(long submission, LocalDate day, String level, String journal) {
		var facts = new HashMap<String, String>();
		facts.put(ActAttributes.LEVEL, level);
		facts.put(ActAttributes.JOURNAL, journal);
		return act("INSTRUCTION", day, unitOf(submission), submission, "instruction", (long) SEQUENCE.incrementAndGet(), facts);
	}

	public long upstream(long submission, LocalDate day, String level, boolean withInstruction) {
		return act("UPSTREAM_ADOPTION", day, unitOf(submission), submission, "upstream_adoption", (long) SEQUENCE.incrementAndGet(),
				Map.of(ActAttributes.LEVEL, level, ActAttributes.WITH_INSTRUCTION, String.valueOf(withInstruction)));
	}

	public long commission(String kind, LocalDate day, long unitId, Long submission, String code) {
		return act(kind, day, unitId, submission, "commission", (long) SEQUENCE.incrementAndGet(), Map.of(ActAttributes.COMMISSION, code));
	}

	public long penalty(long unitId, LocalDate day, String code) {
		return act("PENALTY", day, unitId, null, "penalty", (long) SEQUENCE.incrementAndGet(), Map.of(ActAttributes.CODE, code));
	}

	/** Waits (with a deadline) until a bulletin's generation has ended; returns it. */
	public static Bulletin generated(Bulletins bulletins, long id) {
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> !bulletins.find(id).orElseThrow().generating());
		return bulletins.find(id).orElseThrow();
	}
}
