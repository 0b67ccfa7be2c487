package org.baosong.scoring;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baosong.editorial.AcceptedSubmissions;
import org.baosong.editorial.ActAttributes;
import org.baosong.editorial.EditorialActs.Act;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.PeriodKind;
import org.baosong.profile.ProfileFiles;

/**
 * A shipped profile's rules and the ledger logic without a database: acts go through the same engine and
 * the same {@link Ledger#apply} as in the gateway (scope by scope, the difference written), into an
 * in-memory table; closes go through {@link CloseRules} with the figures {@link PeriodCloses} reads; the
 * recompute is {@link Recompute#derive}. For scenario and property tests that need many cases fast.
 */
final class RuleBench {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	final JurisdictionProfile profile;

	final InMemoryLedgerMapper table = new InMemoryLedgerMapper();

	final Ledger ledger = new Ledger(table, Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));

	final List<Act> acts = new ArrayList<>();

	final Map<Long, ScoringContext.UnitFacts> units = new LinkedHashMap<>();

	final List<AcceptedSubmissions.Accepted> submissions = new ArrayList<>();

	final List<PeriodClose> closes = new ArrayList<>();

	private long nextId = 100;

	private final ScoringContext context = new ScoringContext() {
		@Override
		public Optional<UnitFacts> unit(long unitId) {
			return Optional.ofNullable(units.get(unitId));
		}

		@Override
		public String trackingNo(long submissionId) {
			return submissions.stream().filter(s -> s.id() == submissionId).map(AcceptedSubmissions.Accepted::trackingNo).findFirst()
				.orElse(null);
		}
	};

	RuleBench(JurisdictionProfile profile) {
		this.profile = profile;
	}

	private static final Map<String, JurisdictionProfile> SHIPPED = new java.util.concurrent.ConcurrentHashMap<>();

	/** A bench on a shipped profile (read once per test run). */
	static RuleBench of(String profileId) {
		return new RuleBench(SHIPPED.computeIfAbsent(profileId, id -> ProfileFiles.read(Path.of("config/profiles", id + ".yml"))));
	}

	long unit(String name, String sequence) {
		return unit(name, sequence, null);
	}

	long unit(String name, String sequence, Long parent) {
		long id = nextId++;
		units.put(id, new ScoringContext.UnitFacts(id, name, sequence, parent, true));
		return id;
	}

	void deactivate(long unit) {
		var u = units.get(unit);
		units.put(unit, new ScoringContext.UnitFacts(u.id(), u.name(), u.sequenceCode(), u.parentUnitId(), false));
	}

	long submission(long unit, String type, LocalDate day) {
		long id = nextId++;
		String tracking = profile.trackingPrefix() + "-" + profile.calendar().assessmentYear(day) + "-" + String.format("%06d", id);
		Instant at = day.atTime(10, 0).atZone(ZONE).toInstant();
		submissions.add(new AcceptedSubmissions.Accepted(id, profile.id(), unit, tracking, type, at));
		ledger.recordSubmission(profile, unit, id, tracking, type, day, at);
		return id;
	}

	String tracking(long submission) {
		return context.trackingNo(submission);
	}

	long unitOf(long submission) {
		return submissions.stream().filter(s -> s.id() == submission).findFirst().orElseThrow().unitId();
	}

	/** Records an act and lets the ledger follow it, as {@code ActScoring} does. */
	long act(String kind, LocalDate day, long unit, Long submission, String refType, Long refId, Map<String, String> facts) {
		var act = new Act(nextId++, profile.id(), kind, day.atStartOfDay(ZONE).toInstant(), day, "editor1", unit, submission, refType, refId,
				kind, null, ActAttributes.of(facts));
		acts.add(act);
		follow(act);
		return act.id();
	}

	long undo(long actId) {
		var original = acts.stream().filter(a -> a.id() == actId).findFirst().orElseThrow();
		var reversal = new Act(nextId++, original.profileId(), original.kind(), original.occurredAt(), original.effectiveOn(), "admin",
				original.unitId(), original.submissionId(), original.refType(), original.refId(), "撤销", actId, original.attributes());
		acts.add(reversal);
		follow(reversal);
		return reversal.id();
	}

	private void follow(Act act) {
		String scope = Scopes.of(act);
		var scopeActs = acts.stream().filter(a -> Scopes.of(a).equals(scope)).toList();
		ledger.apply(profile.id(), scope, new ScoringEngine(profile, context).derive(scope, scopeActs), "依据 #" + act.id());
	}

	long adopted(long submission, LocalDate day, String journal, String placement) {
		return adopted(submission, day, journal, placement, null);
	}

	long adopted(long submission, LocalDate day, String journal, String placement, String role) {
		long adoption = nextId++;
		var facts = new HashMap<String, String>();
		facts.put(ActAttributes.JOURNAL, journal);
		facts.put(ActAttributes.PLACEMENT, placement);
		facts.put(ActAttributes.ROLE, role);
		return act("ADOPTED", day, unitOf(submission), submission, "adoption", adoption, facts);
	}

	long instruction(long submission, LocalDate day, String level, String journal) {
		return instruction(submission, day, level, journal, null);
	}

	long instruction(long submission, LocalDate day, String level, String journal, String role) {
		var facts = new HashMap<String, String>();
		facts.put(ActAttributes.LEVEL, level);
		facts.put(ActAttributes.JOURNAL, journal);
		facts.put(ActAttributes.ROLE, role);
		return act("INSTRUCTION", day, unitOf(submission), submission, "instruction", nextId++, facts);
	}

	long upstream(long submission, LocalDate day, String level, boolean withInstruction) {
		return act("UPSTREAM_ADOPTION", day, unitOf(submission), submission, "upstream_adoption", nextId++,
				Map.of(ActAttributes.LEVEL, level, ActAttributes.WITH_INSTRUCTION, String.valueOf(withInstruction)));
	}

	long commission(String kind, LocalDate day, long unit, Long submission, String code, long commissionId) {
		return act(kind, day, unit, submission, "commission", commissionId, Map.of(ActAttributes.COMMISSION, code));
	}

	long feedback(String kind, LocalDate day, long submission, long instructionRef) {
		return act(kind, day, unitOf(submission), submission, "instruction", instructionRef, Map.of());
	}

	long mark(long submission, LocalDate day, String code) {
		return act("MARK", day, unitOf(submission), submission, "mark", nextId++, Map.of(ActAttributes.CODE, code));
	}

	long penalty(long unit, LocalDate day, String code) {
		return act("PENALTY", day, unit, null, "penalty", nextId++, Map.of(ActAttributes.CODE, code));
	}

	/** Closes a period as {@link PeriodCloses#close} does (or again). */
	PeriodClose close(PeriodKind kind, String key) {
		var period = PeriodCloses.assessedPeriod(profile, new PeriodRef(kind, key));
		var existing = closes.stream().filter(c -> c.periodKind().equals(kind.name()) && c.periodKey().equals(key)).findFirst();
		long id = existing.map(PeriodClose::id).orElseGet(() -> nextId++);
		var figures = PeriodCloses.figures(profile, period, table, new ArrayList<>(units.values()));
		ledger.apply(profile.id(), Scopes.close(kind, key), new CloseRules(profile).derive(period, id, figures, Instant.EPOCH), "重新关闭");
		var close = new PeriodClose(id, profile.id(), kind.name(), key, period.start(), period.end(), Instant.EPOCH, "admin", 1, Instant.EPOCH);
		if (existing.isEmpty()) {
			closes.add(close);
		}
		return close;
	}

	/** Every row (with reversals) of a unit in a period except the quantity rows, oldest first. */
	List<LedgerMapper.Stored> lines(long unit, PeriodKind kind, String key) {
		return table.lines(profile.id(), unit, LedgerMapper.PeriodColumn.valueOf(kind.name()), key).stream()
			.filter(s -> !Ledger.SUBMISSION_ACCEPTED.equals(s.eventKind()))
			.toList();
	}

	List<String> explanations(long unit, PeriodKind kind, String key) {
		return lines(unit, kind, key).stream().map(LedgerMapper.Stored::explanation).toList();
	}

	BigDecimal total(long unit, PeriodKind kind, String key) {
		return table.total(unit, LedgerMapper.PeriodColumn.valueOf(kind.name()), key);
	}

	/** The derivation from the sources compared with the whole ledger. */
	Recompute.Report recompute() {
		return recompute(profile);
	}

	/** The derivation under another profile compared with the whole ledger (a preview). */
	Recompute.Report recompute(JurisdictionProfile rules) {
		var derived = Recompute.derive(rules, acts, submissions, closes, context, new ArrayList<>(units.values()), ZONE);
		var standing = table.rows.stream().filter(s -> s.reversesId() == null
				&& table.rows.stream().noneMatch(r -> r.reversesId() != null && r.reversesId() == s.id())).toList();
		var names = new HashMap<Long, String>();
		units.values().forEach(u -> names.put(u.id(), u.name()));
		return Recompute.compare(profile.id(), null, derived, standing, names);
	}
}
