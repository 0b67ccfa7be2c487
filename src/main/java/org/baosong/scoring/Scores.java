package org.baosong.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.baosong.editorial.EditorialActs;
import org.baosong.profile.AssessmentCalendar.Period;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.PeriodKind;
import org.baosong.profile.ProfileCatalog;
import org.baosong.profile.Sequence;
import org.baosong.profile.Target;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of the ledger for bulletins, statistics and pages: every figure is a sum over ledger rows.
 * Totals include reversing rows (an undone point and its reversal sum to nothing), so a total always equals
 * the sum of the lines listed for it. Targets are judged with the same evaluation as the period close.
 */
@Service
@Transactional(readOnly = true)
public class Scores {

	private final LedgerMapper mapper;

	private final PeriodCloseMapper closes;

	private final ProfileCatalog profiles;

	private final Contexts contexts;

	private final EditorialActs acts;

	Scores(LedgerMapper mapper, PeriodCloseMapper closes, ProfileCatalog profiles, Contexts contexts, EditorialActs acts) {
		this.mapper = mapper;
		this.closes = closes;
		this.profiles = profiles;
		this.contexts = contexts;
		this.acts = acts;
	}

	/** Points and accepted submissions of one unit in a period. */
	public record UnitTotal(long unitId, BigDecimal points, long submissions, long lines) {
	}

	/** An assessed period of a year, with its close when it is closed. */
	public record PeriodStatus(PeriodRef period, String label, LocalDate start, LocalDate end, PeriodClose close) {

		public boolean closed() {
			return close != null;
		}
	}

	/** Every row (with reversals) of a unit in a period, oldest first: the unit's explanation. */
	public List<LedgerLine> lines(String profileId, long unitId, PeriodRef period) {
		return mapper.lines(profileId, unitId, period.column(), period.key()).stream().map(LedgerLine::of).toList();
	}

	/**
	 * The ledger's watermark: its highest row id (0 when empty), as the current transaction sees it. The ledger is
	 * only ever appended to (ADR 0020), so the rows of a period up to it are what the period held then.
	 */
	public long watermark() {
		return mapper.maxId();
	}

	/**
	 * Every row (with reversals) of a period with an id up to {@code upTo}, of one unit or (unitId null) of every
	 * unit; in unit order, oldest first within a unit; one streamed read.
	 */
	public void linesUpTo(String profileId, PeriodRef period, Long unitId, long upTo, Consumer<LedgerLine> each) {
		mapper.linesUpTo(profileId, period.column(), period.key(), unitId, upTo, context -> each.accept(LedgerLine.of(context.getResultObject())));
	}

	/** Points (sum of all rows) and accepted submissions per unit in a period; units without rows are absent. */
	public Map<Long, UnitTotal> totals(String profileId, PeriodRef period) {
		return totals(profileId, period, mapper.acceptedPerWeek(profileId, period.column(), period.key()));
	}

	private Map<Long, UnitTotal> totals(String profileId, PeriodRef period, List<LedgerMapper.Accepted> accepted) {
		Map<Long, Long> submissions = new HashMap<>();
		for (var a : accepted) {
			submissions.merge(a.unitId(), a.submissions(), Long::sum);
		}
		var result = new HashMap<Long, UnitTotal>();
		for (var t : mapper.totals(profileId, period.column(), period.key())) {
			result.put(t.unitId(), new UnitTotal(t.unitId(), Line.scale(t.points()), submissions.getOrDefault(t.unitId(), 0L), t.lineCount()));
		}
		return result;
	}

	/** A period's totals per unit and its standings, from one pass of the aggregate queries. */
	public record Figures(Map<Long, UnitTotal> totals, List<Standing> standings) {
	}

	/** The totals and the standings of a period together (what {@link #totals} and {@link #standings} give). */
	public Figures figures(String profileId, PeriodRef ref) {
		var accepted = mapper.acceptedPerWeek(profileId, ref.column(), ref.key());
		var totals = totals(profileId, ref, accepted);
		return new Figures(totals, standings(profile(profileId), ref, totals, accepted));
	}

	/** The assessed periods of an assessment year, in the calendar's order, with their closes. */
	public List<PeriodStatus> periods(String profileId, int assessmentYear) {
		var profile = profile(profileId);
		var closed = new HashMap<String, PeriodClose>();
		closes.ofProfile(profileId).forEach(c -> closed.put(c.periodKind() + ":" + c.periodKey(), c));
		return profile.calendar().periodsOf(assessmentYear).stream()
			.map(p -> new PeriodStatus(new PeriodRef(p.kind(), p.key()), PeriodLabels.of(p.kind(), p.key()), p.start(), p.end(),
					closed.get(p.kind() + ":" + p.key())))
			.toList();
	}

	/**
	 * Every unit of the profile's sequences (active, or with lines in the period) with its points, submissions,
	 * targets and rank in its sequence; in sequence order, then by rank.
	 */
	public List<Standing> standings(String profileId, PeriodRef ref) {
		return figures(profileId, ref).standings();
	}

	private List<Standing> standings(JurisdictionProfile profile, PeriodRef ref, Map<Long, UnitTotal> totals, List<LedgerMapper.Accepted> accepted) {
		String profileId = profile.id();
		Period period = PeriodCloses.assessedPeriod(profile, ref);
		var counts = Targets.counts(accepted);
		var weeks = Targets.weeksOf(profile.calendar(), period);
		boolean weeklyChecked = profile.sequences().stream().flatMap(s -> s.targets().stream())
			.anyMatch(t -> t.period() == PeriodKind.WEEK) && Targets.weeklyCheckKind(profile.calendar()) == ref.kind();
		var weekly = weeklyChecked && !weeks.isEmpty() ? Targets.counts(mapper.acceptedInWeeks(profileId, weeks)) : Map.<Long, Targets.Counts>of();
		boolean closed = closes.find(profileId, ref.kind().name(), ref.key()).isPresent();
		var result = new ArrayList<Standing>();
		for (Sequence sequence : profile.sequences()) {
			var rows = new ArrayList<Standing>();
			for (var unit : contexts.units()) {
				if (!unit.sequenceCode().equals(sequence.code()) || !(unit.active() || totals.containsKey(unit.id()))) {
					continue;
				}
				var total = totals.get(unit.id());
				BigDecimal points = total == null ? BigDecimal.ZERO.setScale(2) : total.points();
				var statuses = new ArrayList<Standing.TargetStatus>();
				for (Target target : Targets.checkedAt(sequence.targets(), profile.calendar(), ref.kind())) {
					var r = Targets.evaluate(target, points, counts.getOrDefault(unit.id(), Targets.Counts.NONE),
							weekly.getOrDefault(unit.id(), Targets.Counts.NONE), weeks);
					String measure = target.period() == PeriodKind.WEEK ? "WEEKLY" : target.score() != null ? "SCORE" : "QUANTITY";
					statuses.add(new Standing.TargetStatus(measure, target.period().name(), target.reportType(), r.required(), r.actual(), r.met(),
							r.completion()));
				}
				Boolean met = statuses.isEmpty() ? null : statuses.stream().allMatch(Standing.TargetStatus::met);
				rows.add(new Standing(unit.id(), unit.code(), unit.name(), sequence.code(), sequence.name(), points,
						total == null ? 0 : total.submissions(), statuses, met, statuses.isEmpty() ? null : statuses.get(0).completion(), 0,
						closed));
			}
			rows.sort(Comparator.comparing(Standing::points).reversed());
			for (int i = 0; i < rows.size(); i++) {
				var row = rows.get(i);
				int rank = i > 0 && rows.get(i - 1).points().compareTo(row.points()) == 0 ? result.get(result.size() - 1).rank() : i + 1;
				result.add(new Standing(row.unitId(), row.unitCode(), row.unitName(), row.sequenceCode(), row.sequenceName(), row.points(),
						row.submissions(), row.targets(), row.met(), row.completion(), rank, row.closed()));
			}
		}
		return result;
	}

	/**
	 * What the profile's alerts flag for a closed period (none while it is open): missed targets, targets missed
	 * in consecutive periods, zero adoption, praise when every shorter period within it met its targets.
	 */
	public List<Alert> alerts(String profileId, PeriodRef ref) {
		return alerts(profileId, ref, null, null);
	}

	/**
	 * The alerts of a period whose standings (all of the profile's, as {@link #standings} gives them) and activity
	 * are at hand; either may be null to have them computed.
	 */
	public List<Alert> alerts(String profileId, PeriodRef ref, List<Standing> periodStandings, Map<Long, Activity> periodActivity) {
		var profile = profile(profileId);
		if (closes.find(profileId, ref.kind().name(), ref.key()).isEmpty()) {
			return List.of();
		}
		var alerts = profile.scoring().alerts();
		var standings = periodStandings != null ? periodStandings : standings(profileId, ref);
		var result = new ArrayList<Alert>();
		if (alerts.missedTarget() != null && (alerts.missedTarget().periods().isEmpty() || alerts.missedTarget().periods().contains(ref.kind()))) {
			standings.stream().filter(s -> Boolean.FALSE.equals(s.met()))
				.forEach(s -> result.add(alert(s, "MISSED_TARGET", false, alerts.missedTarget().text(), ref)));
		}
		if (alerts.consecutiveMissed() != null && alerts.consecutiveMissed().period() == ref.kind()) {
			var earlier = earlier(profile, ref, alerts.consecutiveMissed().periods() - 1);
			if (earlier.size() == alerts.consecutiveMissed().periods() - 1) {
				Set<Long> missedEvery = missedEvery(profileId, earlier, standings.stream().filter(s -> Boolean.FALSE.equals(s.met()))
					.map(Standing::unitId).collect(Collectors.toSet()));
				standings.stream()
					.filter(s -> Boolean.FALSE.equals(s.met()) && missedEvery.contains(s.unitId()))
					.forEach(s -> result.add(alert(s, "CONSECUTIVE_MISSED", false, alerts.consecutiveMissed().text(), ref)));
			}
		}
		if (alerts.zeroAdoption() != null && alerts.zeroAdoption().period() == ref.kind()) {
			var activity = periodActivity != null ? periodActivity : activity(profileId, ref);
			standings.stream().filter(s -> activity.get(s.unitId()) == null || activity.get(s.unitId()).totalAdoptions() + activity.get(s.unitId()).upstreamAdoptions() == 0)
				.forEach(s -> result.add(alert(s, "ZERO_ADOPTION", false, alerts.zeroAdoption().text(), ref)));
		}
		if (alerts.allMet() != null && alerts.allMet().period() == ref.kind()) {
			result.addAll(praise(profile, ref, alerts.allMet(), standings));
		}
		return result;
	}

	/**
	 * Of the candidates, the units that missed their targets in every one of the earlier periods (an open period
	 * counts as missed by none). Newest period first, stopping as soon as no candidate is left, so the standings
	 * of earlier periods are computed only as far as they can still matter.
	 */
	private Set<Long> missedEvery(String profileId, List<PeriodRef> earlier, Set<Long> candidates) {
		Set<Long> left = new java.util.HashSet<>(candidates);
		for (int i = earlier.size() - 1; i >= 0 && !left.isEmpty(); i--) {
			PeriodRef p = earlier.get(i);
			if (closes.find(profileId, p.kind().name(), p.key()).isEmpty()) {
				return Set.of();
			}
			Set<Long> missed = standings(profileId, p).stream().filter(s -> Boolean.FALSE.equals(s.met())).map(Standing::unitId)
				.collect(Collectors.toSet());
			left.retainAll(missed);
		}
		return left;
	}

	private List<Alert> praise(JurisdictionProfile profile, PeriodRef ref, org.baosong.profile.ScoringRules.AllMet allMet, List<Standing> standings) {
		Period period = PeriodCloses.assessedPeriod(profile, ref);
		var parts = profile.calendar().periodsOf(profile.calendar().assessmentYear(period.start()), allMet.of()).stream()
			.filter(p -> !p.start().isBefore(period.start()) && !p.end().isAfter(period.end()))
			.map(p -> new PeriodRef(p.kind(), p.key()))
			.toList();
		if (parts.isEmpty() || parts.stream().anyMatch(p -> closes.find(profile.id(), p.kind().name(), p.key()).isEmpty())) {
			return List.of();
		}
		Map<Long, Boolean> allMetByUnit = new HashMap<>();
		for (PeriodRef part : parts) {
			for (Standing s : standings(profile.id(), part)) {
				allMetByUnit.merge(s.unitId(), Boolean.TRUE.equals(s.met()), Boolean::logicalAnd);
			}
		}
		return standings.stream().filter(s -> Boolean.TRUE.equals(allMetByUnit.get(s.unitId())))
			.map(s -> alert(s, "PRAISE", true, allMet.text(), ref))
			.toList();
	}

	/** The {@code count} periods of the same kind just before this one (across assessment years), oldest first. */
	private static List<PeriodRef> earlier(JurisdictionProfile profile, PeriodRef ref, int count) {
		Period period = PeriodCloses.assessedPeriod(profile, ref);
		int year = profile.calendar().assessmentYear(period.start());
		var all = new ArrayList<Period>();
		for (int y = year - (count / 4 + 2); y <= year; y++) {
			all.addAll(profile.calendar().periodsOf(y, ref.kind()));
		}
		var before = all.stream().filter(p -> p.end().isBefore(period.start())).map(p -> new PeriodRef(p.kind(), p.key())).toList();
		return before.subList(Math.max(0, before.size() - count), before.size());
	}

	private static Alert alert(Standing s, String kind, boolean praise, String text, PeriodRef ref) {
		return new Alert(s.unitId(), s.unitName(), s.sequenceCode(), kind, praise, text, ref);
	}

	/**
	 * Per unit, the standing acts of the period counted: adoptions per journal, instructions, upper adoptions ...
	 * Counted in SQL; units in the order of their first standing act, every unit with a standing act of any kind.
	 */
	public Map<Long, Activity> activity(String profileId, PeriodRef ref) {
		var profile = profile(profileId);
		Period period = PeriodCloses.assessedPeriod(profile, ref);
		var groups = new ArrayList<>(acts.countsOfProfile(profileId, period.start(), period.end().plusDays(1)));
		Map<Long, Long> firstId = new HashMap<>();
		groups.forEach(g -> firstId.merge(g.unitId(), g.firstId(), Math::min));
		groups.sort(Comparator.comparingLong((EditorialActs.ActCount g) -> firstId.get(g.unitId())));
		Map<Long, Map<String, Long>> adoptions = new LinkedHashMap<>();
		Map<Long, long[]> counts = new LinkedHashMap<>();
		for (var g : groups) {
			long[] c = counts.computeIfAbsent(g.unitId(), u -> new long[6]);
			switch (g.kind()) {
				case ActKinds.ADOPTED -> adoptions.computeIfAbsent(g.unitId(), u -> new LinkedHashMap<>()).merge(g.journal(), g.acts(), Long::sum);
				case ActKinds.INSTRUCTION -> c[0] += g.acts();
				case ActKinds.UPSTREAM_ADOPTION -> c[1] += g.acts();
				case ActKinds.MARK -> c[2] += g.acts();
				case ActKinds.PENALTY -> c[3] += g.acts();
				case ActKinds.COMMISSION_LATE -> c[4] += g.acts();
				case ActKinds.COMMISSION_MISSING -> c[5] += g.acts();
				default -> {
				}
			}
		}
		var result = new LinkedHashMap<Long, Activity>();
		counts.forEach((unit, c) -> result.put(unit,
				new Activity(unit, Map.copyOf(adoptions.getOrDefault(unit, Map.of())), c[0], c[1], c[2], c[3], c[4], c[5])));
		return result;
	}

	/** The close of a period, if it is closed. */
	public Optional<PeriodClose> close(String profileId, PeriodRef ref) {
		return closes.find(profileId, ref.kind().name(), ref.key());
	}

	private JurisdictionProfile profile(String profileId) {
		return profiles.find(profileId).orElseThrow(() -> new PeriodCloses.Refused("PROFILE_UNKNOWN", "no profile '" + profileId + "'"));
	}
}
