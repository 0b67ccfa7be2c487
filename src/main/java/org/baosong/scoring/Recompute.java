package org.baosong.scoring;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.baosong.audit.AuditLog;
import org.baosong.editorial.AcceptedSubmissions;
import org.baosong.editorial.EditorialActs;
import org.baosong.editorial.EditorialActs.Act;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.ProfileCatalog;
import org.baosong.profile.ProfileFiles;
import org.baosong.profile.ProfileProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger derived again from its sources — the act stream, the accepted submissions and the period
 * closes — and compared with what it holds: a recompute must find no difference. The same derivation with a
 * candidate profile (the file on disk, or a text an administrator pastes) previews, unit by unit, what a
 * change of rules would change; applying writes the differences (reversing and new rows), audited.
 */
@Service
public class Recompute {

	/**
	 * One line that differs.
	 *
	 * @param change ADD: derived but not in the ledger; REVERSE: in the ledger but not derived
	 */
	public record Difference(String change, long unitId, String unitName, String scopeKey, String year, String quarter, String month,
			BigDecimal points, String ruleId, String eventKind, Long eventId, String explanation) {
	}

	/** A unit whose total differs. */
	public record UnitDelta(long unitId, String unitName, BigDecimal stored, BigDecimal derived) {

		public BigDecimal difference() {
			return derived.subtract(stored);
		}
	}

	/**
	 * @param period      the period compared, or null for the whole ledger
	 * @param differences the lines that differ
	 * @param units       the units whose totals differ
	 */
	public record Report(String profileId, PeriodRef period, int storedLines, int derivedLines, List<Difference> differences,
			List<UnitDelta> units) {

		public boolean identical() {
			return differences.isEmpty();
		}
	}

	private final LedgerMapper mapper;

	private final PeriodCloseMapper closes;

	private final Ledger ledger;

	private final EditorialActs acts;

	private final AcceptedSubmissions submissions;

	private final Contexts contexts;

	private final ProfileCatalog profiles;

	private final ProfileProperties profileProperties;

	private final AuditLog audit;

	private final Clock clock;

	Recompute(LedgerMapper mapper, PeriodCloseMapper closes, Ledger ledger, EditorialActs acts, AcceptedSubmissions submissions,
			Contexts contexts, ProfileCatalog profiles, ProfileProperties profileProperties, AuditLog audit, Clock clock) {
		this.mapper = mapper;
		this.closes = closes;
		this.ledger = ledger;
		this.acts = acts;
		this.submissions = submissions;
		this.contexts = contexts;
		this.profiles = profiles;
		this.profileProperties = profileProperties;
		this.audit = audit;
		this.clock = clock;
	}

	/** The ledger of a profile (or one period of it) compared with its derivation under the loaded profile. */
	@Transactional(readOnly = true)
	public Report check(String profileId, PeriodRef period) {
		return compare(loaded(profileId), period);
	}

	/**
	 * What a candidate profile would change: the profile's file as it is on disk now ({@code yaml} null), or the
	 * text given, validated like a profile at start-up.
	 */
	@Transactional(readOnly = true)
	public Report preview(String profileId, String yaml, PeriodRef period) {
		return compare(candidate(profileId, yaml), period);
	}

	/**
	 * Writes the differences between the ledger and its derivation under the loaded profile: a reversing row for
	 * each line that no longer holds, a new row for each line missing. Audited; returns what differed.
	 */
	@Transactional
	public Report apply(String profileId, String user) {
		var profile = loaded(profileId);
		var report = compare(profile, null);
		if (report.identical()) {
			return report;
		}
		var derived = derive(profile).stream().collect(Collectors.groupingBy(Line::scopeKey, LinkedHashMap::new, Collectors.toList()));
		var scopes = new TreeSet<String>();
		report.differences().forEach(d -> scopes.add(d.scopeKey()));
		for (String scope : scopes) {
			ledger.apply(profile.id(), scope, derived.getOrDefault(scope, List.of()), "重新计算");
		}
		audit.recordAs(user, "LEDGER_RECOMPUTED", "profile", profile.id(),
				report.differences().size() + " 行不同，涉及 " + report.units().size() + " 个单位");
		return report;
	}

	/** Every line the sources give under a profile: act scopes, quantity rows, then the closes in order. */
	List<Line> derive(JurisdictionProfile profile) {
		var accepted = submissions.ofProfile(profile.id());
		return derive(profile, acts.ofProfile(profile.id()), accepted, closes.ofProfile(profile.id()), contexts.preloaded(accepted),
				contexts.units().stream().map(Contexts::facts).toList(), clock.getZone());
	}

	/**
	 * The derivation itself, from its sources only: each scope's acts through the rules, each accepted submission's
	 * quantity row, then each close (in the order closes must happen) from the lines derived before it.
	 */
	static List<Line> derive(JurisdictionProfile profile, List<Act> acts, List<AcceptedSubmissions.Accepted> accepted,
			List<PeriodClose> closes, ScoringContext context, List<ScoringContext.UnitFacts> units, java.time.ZoneId zone) {
		var engine = new ScoringEngine(profile, context);
		var lines = new ArrayList<Line>();
		Map<String, List<Act>> byScope = acts.stream()
			.filter(a -> a.profileId().equals(profile.id()))
			.collect(Collectors.groupingBy(Scopes::of, LinkedHashMap::new, Collectors.toList()));
		byScope.forEach((scope, scopeActs) -> lines.addAll(engine.derive(scope, scopeActs)));
		for (var a : accepted) {
			Ledger.quantityLine(profile, a.unitId(), a.id(), a.trackingNo(), a.reportType(), a.receivedAt().atZone(zone).toLocalDate(),
					a.receivedAt()).ifPresent(lines::add);
		}
		for (PeriodClose close : closes.stream()
			.sorted(Comparator.comparing(PeriodClose::periodEnd).thenComparing(c -> org.baosong.profile.PeriodKind.valueOf(c.periodKind())))
			.toList()) {
			var ref = close.period();
			org.baosong.profile.AssessmentCalendar.Period period;
			try {
				period = PeriodCloses.assessedPeriod(profile, ref);
			}
			catch (PeriodCloses.Refused ex) {
				continue; // a candidate whose calendar no longer has this period
			}
			lines.addAll(new CloseRules(profile).derive(period, close.id(), figures(profile, period, lines, units), close.lastClosedAt()));
		}
		return lines;
	}

	/** The figures of a close taken from derived lines, as {@link PeriodCloses#figures} takes them from the ledger. */
	private static CloseRules.Figures figures(JurisdictionProfile profile, org.baosong.profile.AssessmentCalendar.Period period, List<Line> lines,
			List<ScoringContext.UnitFacts> units) {
		String scope = Scopes.close(period.kind(), period.key());
		var weeks = new java.util.HashSet<>(Targets.weeksOf(profile.calendar(), period));
		Map<Long, BigDecimal> points = new HashMap<>();
		var inPeriod = new ArrayList<LedgerMapper.Accepted>();
		var inWeeks = new ArrayList<LedgerMapper.Accepted>();
		for (Line line : lines) {
			boolean within = period.key().equals(line.periods().of(period.kind()));
			if (within && !line.scopeKey().equals(scope)) {
				points.merge(line.unitId(), line.points(), BigDecimal::add);
			}
			if (Ledger.SUBMISSION_ACCEPTED.equals(line.eventKind())) {
				var row = new LedgerMapper.Accepted(line.unitId(), line.periods().week(), line.reportType(), 1);
				if (within) {
					inPeriod.add(row);
				}
				if (weeks.contains(line.periods().week())) {
					inWeeks.add(row);
				}
			}
		}
		var judged = units.stream().filter(u -> u.active() || points.containsKey(u.id())).toList();
		return new CloseRules.Figures(judged, points, Targets.counts(inPeriod), Targets.counts(inWeeks));
	}

	private Report compare(JurisdictionProfile profile, PeriodRef period) {
		var derived = derive(profile).stream()
			.filter(l -> period == null || period.key().equals(l.periods().of(period.kind())))
			.toList();
		var stored = new ArrayList<LedgerMapper.Stored>();
		if (period != null) {
			stored.addAll(mapper.standingInPeriod(profile.id(), period.column(), period.key()));
		}
		else {
			var years = new TreeSet<>(mapper.years(profile.id()));
			derived.forEach(l -> years.add(l.periods().year()));
			years.forEach(y -> stored.addAll(mapper.standingInYear(profile.id(), y)));
		}
		var names = new HashMap<Long, String>();
		contexts.units().forEach(u -> names.put(u.id(), u.name()));
		return compare(profile.id(), period, derived, stored, names);
	}

	/** Derived lines against standing ones, as a multiset: each derived line matches one standing line with the same key. */
	static Report compare(String profileId, PeriodRef period, List<Line> derived, List<LedgerMapper.Stored> stored, Map<Long, String> names) {
		Map<Line.Key, Deque<LedgerMapper.Stored>> standing = new HashMap<>();
		stored.forEach(s -> standing.computeIfAbsent(s.key(), k -> new ArrayDeque<>()).add(s));
		var differences = new ArrayList<Difference>();
		Map<Long, BigDecimal[]> totals = new LinkedHashMap<>();
		for (Line line : derived) {
			totals.computeIfAbsent(line.unitId(), u -> zeros())[1] = totals.get(line.unitId())[1].add(line.points());
			var same = standing.get(line.key());
			if (same != null && !same.isEmpty()) {
				same.poll();
				continue;
			}
			var p = line.periods();
			differences.add(new Difference("ADD", line.unitId(), names.get(line.unitId()), line.scopeKey(), p.year(), p.quarter(), p.month(),
					line.points(), line.ruleId(), line.eventKind(), line.eventId(), line.explanation()));
		}
		for (var s : stored) {
			totals.computeIfAbsent(s.unitId(), u -> zeros())[0] = totals.get(s.unitId())[0].add(s.points());
		}
		standing.values().stream().flatMap(Deque::stream).sorted(Comparator.comparingLong(LedgerMapper.Stored::id))
			.forEach(s -> differences.add(new Difference("REVERSE", s.unitId(), names.get(s.unitId()), s.scopeKey(), s.periodYear(),
					s.periodQuarter(), s.periodMonth(), s.points().negate(), s.ruleId(), s.eventKind(), s.eventId(), s.explanation())));
		var units = new ArrayList<UnitDelta>();
		totals.forEach((unit, t) -> {
			if (t[0].compareTo(t[1]) != 0) {
				units.add(new UnitDelta(unit, names.get(unit), Line.scale(t[0]), Line.scale(t[1])));
			}
		});
		return new Report(profileId, period, stored.size(), derived.size(), differences, units);
	}

	private static BigDecimal[] zeros() {
		return new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO };
	}

	private JurisdictionProfile loaded(String profileId) {
		return profiles.find(profileId).orElseThrow(() -> new PeriodCloses.Refused("PROFILE_UNKNOWN", "no profile '" + profileId + "'"));
	}

	private JurisdictionProfile candidate(String profileId, String yaml) {
		loaded(profileId);
		if (yaml == null || yaml.isBlank()) {
			return ProfileFiles.read(profileProperties.dir().resolve(profileId + ".yml"));
		}
		try {
			Path dir = Files.createTempDirectory("baosong-profile-");
			Path file = dir.resolve(profileId + ".yml");
			try {
				Files.writeString(file, yaml);
				return ProfileFiles.read(file);
			}
			finally {
				Files.deleteIfExists(file);
				Files.deleteIfExists(dir);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the candidate profile: " + ex.getMessage(), ex);
		}
	}
}
