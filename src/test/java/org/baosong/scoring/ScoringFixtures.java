package org.baosong.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.baosong.editorial.ActAttributes;
import org.baosong.editorial.EditorialActs;
import org.baosong.editorial.Filing;
import org.baosong.editorial.FilingRequest;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.ProfileCatalog;
import org.baosong.testsupport.InboundRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submissions and acts for scoring tests, through the same public calls the gateway makes: a submission is
 * filed with {@link Filing#file} and counted with {@link Ledger#recordSubmission} in one transaction (as
 * intake does, for an inbound row written straight into the log); acts are recorded with
 * {@link EditorialActs#record} with the attributes the editorial acts write (ADR 0014). Units are those of
 * the demo registry (D01 越秀区 ...).
 */
final class ScoringFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final Filing filing;

	private final Ledger ledger;

	private final EditorialActs acts;

	private final InboundRows inbound;

	final JurisdictionProfile profile;

	private final Map<String, Long> units = new HashMap<>();

	ScoringFixtures(JdbcTemplate jdbc, TransactionTemplate tx, Filing filing, Ledger ledger, EditorialActs acts, InboundRows inbound,
			JurisdictionProfile profile) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.filing = filing;
		this.ledger = ledger;
		this.acts = acts;
		this.inbound = inbound;
		this.profile = profile;
	}

	static ScoringFixtures of(org.springframework.context.ApplicationContext context, String profileId) {
		return new ScoringFixtures(context.getBean(JdbcTemplate.class), context.getBean(TransactionTemplate.class),
				context.getBean(Filing.class), context.getBean(Ledger.class), context.getBean(EditorialActs.class),
				new InboundRows(context.getBean(JdbcTemplate.class), context.getBean(org.baosong.archive.BlobStore.class)),
				context.getBean(ProfileCatalog.class).find(profileId).orElseThrow());
	}

	long unit(String code) {
		return units.computeIfAbsent(code, c -> jdbc.queryForObject("SELECT id FROM unit WHERE code = ?", Long.class, c));
	}

	/** A report of the unit, accepted on the day given, of the type given; returns the submission id. */
	long submission(String unitCode, String type, LocalDate receivedOn) {
		long unit = unit(unitCode);
		String sequence = jdbc.queryForObject("SELECT sequence_code FROM unit WHERE id = ?", String.class, unit);
		var receivedAt = receivedOn.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
		int n = SEQUENCE.incrementAndGet();
		long inboundId = inbound.insertWithoutRaw("ACCEPTED", null, receivedAt, "xxb." + unitCode.toLowerCase() + "@demo.baosong.test",
				"report " + n);
		return tx.execute(s -> {
			var filed = filing.file(new FilingRequest(inboundId, profile.id(), profile.trackingPrefix(), unit, null, sequence, type,
					"测试信息第" + n + "条", "王明", "李华", "13800138000", receivedOn, "测试信息正文" + n, null, null, null, List.of(), List.of(),
					receivedAt, receivedOn));
			ledger.recordSubmission(profile, unit, filed.submissionId(), filed.trackingNo(), type, receivedOn, receivedAt);
			return filed.submissionId();
		});
	}

	String tracking(long submission) {
		return jdbc.queryForObject("SELECT tracking_no FROM submission WHERE id = ?", String.class, submission);
	}

	long unitOf(long submission) {
		return jdbc.queryForObject("SELECT unit_id FROM submission WHERE id = ?", Long.class, submission);
	}

	long act(String kind, LocalDate day, long unitId, Long submission, String refType, Long refId, Map<String, String> attributes) {
		return tx.execute(s -> acts.record(profile.id(), kind, day, unitId, submission, refType, refId, kind + " 测试",
				ActAttributes.of(attributes)));
	}

	/** An adoption act as publishing a journal issue records it (journal code, level, placement, role). */
	long adopted(long submission, LocalDate day, String journal, String placement, String role) {
		var facts = new HashMap<String, String>();
		facts.put(ActAttributes.JOURNAL, journal);
		facts.put(ActAttributes.JOURNAL_LEVEL, "市级");
		facts.put(ActAttributes.PLACEMENT, placement);
		facts.put(ActAttributes.ROLE, role);
		return act("ADOPTED", day, unitOf(submission), submission, "adoption", (long) SEQUENCE.incrementAndGet(), facts);
	}

	long instruction(long submission, LocalDate day, String level, String journal, String role) {
		var facts = new HashMap<String, String>();
		facts.put(ActAttributes.LEVEL, level);
		facts.put(ActAttributes.JOURNAL, journal);
		facts.put(ActAttributes.ROLE, role);
		return act("INSTRUCTION", day, unitOf(submission), submission, "instruction", (long) SEQUENCE.incrementAndGet(), facts);
	}

	long upstream(long submission, LocalDate day, String level, boolean withInstruction) {
		return act("UPSTREAM_ADOPTION", day, unitOf(submission), submission, "upstream_adoption", (long) SEQUENCE.incrementAndGet(),
				Map.of(ActAttributes.LEVEL, level, ActAttributes.WITH_INSTRUCTION, String.valueOf(withInstruction)));
	}

	long commission(String kind, LocalDate day, long unitId, Long submission, String code, long commissionId) {
		return act(kind, day, unitId, submission, "commission", commissionId, Map.of(ActAttributes.COMMISSION, code));
	}

	long feedback(String kind, LocalDate day, long submission, long instructionId) {
		return act(kind, day, unitOf(submission), submission, "instruction", instructionId, Map.of());
	}

	long mark(long submission, LocalDate day, String code) {
		return act("MARK", day, unitOf(submission), submission, "mark", (long) SEQUENCE.incrementAndGet(), Map.of(ActAttributes.CODE, code));
	}

	long penalty(long unitId, LocalDate day, String code) {
		return act("PENALTY", day, unitId, null, "penalty", (long) SEQUENCE.incrementAndGet(), Map.of(ActAttributes.CODE, code));
	}

	long undo(long act) {
		return tx.execute(s -> acts.reverse(act, "测试撤销"));
	}

	/** The points lines (not the quantity rows) of a unit in a period, oldest first. */
	List<LedgerLine> pointLines(Scores scores, long unitId, PeriodRef period) {
		return scores.lines(profile.id(), unitId, period).stream().filter(l -> !l.quantity()).toList();
	}

	BigDecimal total(Scores scores, long unitId, PeriodRef period) {
		var total = scores.totals(profile.id(), period).get(unitId);
		return total == null ? BigDecimal.ZERO.setScale(2) : total.points();
	}
}
