package org.baosong.bulletins;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.baosong.common.BaosongProperties;
import org.baosong.mailbox.InboundCounts;
import org.baosong.mailbox.InboundMessages;
import org.baosong.mailbox.InboundStatus;
import org.baosong.profile.AssessmentCalendar.Period;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.PeriodKind;
import org.baosong.profile.ProfileCatalog;
import org.baosong.profile.Sequence;
import org.baosong.registry.Registry;
import org.baosong.registry.Unit;
import org.baosong.replies.ReasonNames;
import org.baosong.scoring.PeriodLabels;
import org.baosong.scoring.PeriodRef;
import org.baosong.scoring.Scores;
import org.baosong.scoring.Standing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Live statistics (ADR 0026): the figures of the ledger and the inbound log as they stand now, for the
 * statistics pages and the API — trends by month of an assessment year (overall and per sequence), the
 * ranking of a period per sequence, one unit's history period by period, intake per day with the rejection
 * reasons. Every figure comes from the ledger's read API ({@link Scores}) and the inbound log's; nothing is
 * stored.
 */
@Service
@Transactional(readOnly = true)
public class Statistics {

	/** The longest range of days the intake statistics cover at once. */
	public static final int MAX_DAYS = 366;

	/**
	 * One month of an assessment year.
	 *
	 * @param received messages received (any outcome but ignored) in the month, by office day
	 * @param rejected of them rejected
	 * @param accepted accepted submissions counted in the ledger for the month
	 * @param points   the sum of the ledger's points of the month
	 */
	public record Month(String key, String label, long received, long rejected, long accepted, BigDecimal points) {
	}

	/** One sequence month by month: accepted submissions and points. */
	public record SequenceTrend(String code, String name, List<Long> accepted, List<BigDecimal> points) {
	}

	public record Trends(String profileId, int year, LocalDate start, LocalDate end, List<Month> months, List<SequenceTrend> sequences) {
	}

	public record SequenceRanking(String code, String name, List<Standing> rows) {
	}

	public record Ranking(String profileId, String periodKind, String periodKey, String label, LocalDate start, LocalDate end, boolean closed,
			List<SequenceRanking> sequences) {
	}

	/**
	 * A unit in one assessed period.
	 *
	 * @param units how many units its sequence ranks
	 */
	public record PeriodFigures(String kind, String key, String label, LocalDate start, LocalDate end, boolean closed, BigDecimal points,
			long accepted, int rank, int units, Boolean met, BigDecimal completion) {
	}

	/** A unit's assessment year: each period, each month, adoptions per journal over the year. */
	public record UnitHistory(long unitId, String unitCode, String unitName, String sequenceCode, String sequenceName, String profileId, int year,
			List<PeriodFigures> periods, List<Month> months, Map<String, Long> adoptions, Map<String, String> journals) {
	}

	/** One office day of intake, by outcome. */
	public record Day(LocalDate day, long received, long accepted, long rejected, long quarantined, long ignored, long waiting) {
	}

	public record ReasonCount(String code, String name, long count) {
	}

	public record Intake(LocalDate from, LocalDate to, List<Day> days, List<ReasonCount> reasons, long received, long accepted, long rejected) {
	}

	/** A request that cannot be answered, with its reason code. */
	public static final class Refused extends RuntimeException {

		private final String code;

		public Refused(String code, String message) {
			super(message);
			this.code = code;
		}

		public String code() {
			return code;
		}
	}

	private final Scores scores;

	private final ProfileCatalog profiles;

	private final Registry registry;

	private final InboundMessages inbound;

	private final InboundCounts counts;

	private final ReasonNames reasonNames;

	private final Clock clock;

	private final ZoneId zone;

	Statistics(Scores scores, ProfileCatalog profiles, Registry registry, InboundMessages inbound, InboundCounts counts, ReasonNames reasonNames,
			Clock clock, BaosongProperties properties) {
		this.scores = scores;
		this.profiles = profiles;
		this.registry = registry;
		this.inbound = inbound;
		this.counts = counts;
		this.reasonNames = reasonNames;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	/** The profile (the jurisdiction's when none is named). Refused PROFILE_UNKNOWN. */
	public JurisdictionProfile profile(String profileId) {
		if (profileId == null || profileId.isBlank()) {
			return profiles.jurisdiction();
		}
		return profiles.find(profileId).orElseThrow(() -> new Refused("PROFILE_UNKNOWN", "no profile '" + profileId + "'"));
	}

	/** The assessment year today falls in. */
	public int currentYear(String profileId) {
		return profile(profileId).calendar().assessmentYear(today());
	}

	/** Month by month through an assessment year (up to this month): intake, accepted submissions, points; per sequence too. */
	public Trends trends(String profileId, int year) {
		var profile = profile(profileId);
		var months = months(profile, year);
		Map<Long, String> sequenceOf = new HashMap<>();
		registry.units().forEach(u -> sequenceOf.put(u.id(), u.sequenceCode()));
		var intake = intakeByMonth(profile, year);
		var result = new ArrayList<Month>();
		Map<String, List<Long>> accepted = new LinkedHashMap<>();
		Map<String, List<BigDecimal>> points = new LinkedHashMap<>();
		profile.sequences().forEach(s -> {
			accepted.put(s.code(), new ArrayList<>());
			points.put(s.code(), new ArrayList<>());
		});
		for (String month : months) {
			var totals = scores.totals(profile.id(), new PeriodRef(PeriodKind.MONTH, month));
			Map<String, long[]> bySequence = new HashMap<>();
			Map<String, BigDecimal> pointsBySequence = new HashMap<>();
			long acceptedAll = 0;
			BigDecimal pointsAll = BigDecimal.ZERO;
			for (var t : totals.values()) {
				acceptedAll += t.submissions();
				pointsAll = pointsAll.add(t.points());
				String sequence = sequenceOf.get(t.unitId());
				if (sequence != null) {
					bySequence.computeIfAbsent(sequence, s -> new long[1])[0] += t.submissions();
					pointsBySequence.merge(sequence, t.points(), BigDecimal::add);
				}
			}
			for (Sequence s : profile.sequences()) {
				accepted.get(s.code()).add(bySequence.containsKey(s.code()) ? bySequence.get(s.code())[0] : 0L);
				points.get(s.code()).add(pointsBySequence.getOrDefault(s.code(), BigDecimal.ZERO).setScale(2));
			}
			long[] in = intake.getOrDefault(month, new long[2]);
			result.add(new Month(month, PeriodLabels.of(PeriodKind.MONTH, month), in[0], in[1], acceptedAll, pointsAll.setScale(2)));
		}
		var sequences = profile.sequences().stream()
			.map(s -> new SequenceTrend(s.code(), s.name(), accepted.get(s.code()), points.get(s.code())))
			.toList();
		return new Trends(profile.id(), year, profile.calendar().startOf(year), profile.calendar().endOf(year), result, sequences);
	}

	/** The ranking of every sequence in an assessed period. Refused PERIOD_UNKNOWN. */
	public Ranking ranking(String profileId, String kind, String key) {
		var profile = profile(profileId);
		Period period = period(profile, kind, key);
		var ref = new PeriodRef(period.kind(), period.key());
		var bySequence = new LinkedHashMap<String, List<Standing>>();
		profile.sequences().forEach(s -> bySequence.put(s.code(), new ArrayList<>()));
		for (Standing s : scores.standings(profile.id(), ref)) {
			bySequence.computeIfAbsent(s.sequenceCode(), c -> new ArrayList<>()).add(s);
		}
		var sequences = profile.sequences().stream().map(s -> new SequenceRanking(s.code(), s.name(), bySequence.get(s.code()))).toList();
		return new Ranking(profile.id(), period.kind().name(), period.key(), PeriodLabels.of(period.kind(), period.key()), period.start(),
				period.end(), scores.close(profile.id(), ref).isPresent(), sequences);
	}

	/** The period a ranking shows when none is asked for: the latest closed one that has begun, else the current one. */
	public Optional<Scores.PeriodStatus> defaultPeriod(String profileId, int year) {
		var profile = profile(profileId);
		LocalDate today = today();
		var started = scores.periods(profile.id(), year).stream().filter(p -> !p.start().isAfter(today)).toList();
		return started.stream().filter(Scores.PeriodStatus::closed).reduce((a, b) -> b)
			.or(() -> started.stream().filter(p -> !p.end().isBefore(today)).findFirst())
			.or(() -> started.stream().reduce((a, b) -> b));
	}

	/** The assessed periods of a year, with their closes. */
	public List<Scores.PeriodStatus> periods(String profileId, int year) {
		return scores.periods(profile(profileId).id(), year);
	}

	/** One unit through an assessment year. Refused UNIT_UNKNOWN. */
	public UnitHistory unit(String profileId, long unitId, int year) {
		var profile = profile(profileId);
		Unit unit = registry.unit(unitId).orElseThrow(() -> new Refused("UNIT_UNKNOWN", "no unit " + unitId));
		String sequenceName = profile.sequence(unit.sequenceCode()).map(Sequence::name).orElse(unit.sequenceCode());
		LocalDate today = today();
		var periods = new ArrayList<PeriodFigures>();
		for (var status : scores.periods(profile.id(), year)) {
			if (status.start().isAfter(today)) {
				continue;
			}
			var standings = scores.standings(profile.id(), status.period());
			var mine = standings.stream().filter(s -> s.unitId() == unitId).findFirst();
			long inSequence = standings.stream().filter(s -> s.sequenceCode().equals(unit.sequenceCode())).count();
			periods.add(new PeriodFigures(status.period().kind().name(), status.period().key(), status.label(), status.start(), status.end(),
					status.closed(), mine.map(Standing::points).orElse(BigDecimal.ZERO.setScale(2)), mine.map(Standing::submissions).orElse(0L),
					mine.map(Standing::rank).orElse(0), (int) inSequence, mine.map(Standing::met).orElse(null),
					mine.map(Standing::completion).orElse(null)));
		}
		var intake = intakeByMonth(profile, year, unitId);
		var months = new ArrayList<Month>();
		for (String month : months(profile, year)) {
			var total = scores.totals(profile.id(), new PeriodRef(PeriodKind.MONTH, month)).get(unitId);
			long[] in = intake.getOrDefault(month, new long[2]);
			months.add(new Month(month, PeriodLabels.of(PeriodKind.MONTH, month), in[0], in[1], total == null ? 0 : total.submissions(),
					total == null ? BigDecimal.ZERO.setScale(2) : total.points()));
		}
		var yearPeriod = profile.calendar().periodsOf(year, PeriodKind.YEAR).stream().findFirst();
		Map<String, Long> adoptions = new TreeMap<>();
		if (yearPeriod.isPresent() && profile.calendar().periods().contains(PeriodKind.YEAR)) {
			var activity = scores.activity(profile.id(), new PeriodRef(PeriodKind.YEAR, yearPeriod.get().key())).get(unitId);
			if (activity != null) {
				adoptions.putAll(activity.adoptions());
			}
		}
		var journals = new LinkedHashMap<String, String>();
		profile.scoring().journals().forEach(j -> journals.put(j.code(), j.name()));
		return new UnitHistory(unitId, unit.code(), unit.name(), unit.sequenceCode(), sequenceName, profile.id(), year, periods, months, adoptions,
				journals);
	}

	/** Intake per office day in [from, to] (both included, at most {@link #MAX_DAYS}), with the rejection reasons. Refused RANGE_INVALID. */
	public Intake intake(LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS - 1).isBefore(to)) {
			throw new Refused("RANGE_INVALID", "from must not be after to, and the range is at most " + MAX_DAYS + " days");
		}
		var start = from.atStartOfDay(zone).toInstant();
		var end = to.plusDays(1).atStartOfDay(zone).toInstant();
		var perDay = new TreeMap<LocalDate, EnumMap<InboundStatus, Long>>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			perDay.put(d, new EnumMap<>(InboundStatus.class));
		}
		for (var row : inbound.outcomes(start, end)) {
			perDay.get(row.receivedAt().atZone(zone).toLocalDate()).merge(row.status(), 1L, Long::sum);
		}
		var days = new ArrayList<Day>();
		long received = 0;
		long accepted = 0;
		long rejected = 0;
		for (var e : perDay.entrySet()) {
			var c = e.getValue();
			long ignored = c.getOrDefault(InboundStatus.IGNORED, 0L);
			long all = c.values().stream().mapToLong(Long::longValue).sum();
			var day = new Day(e.getKey(), all - ignored, c.getOrDefault(InboundStatus.ACCEPTED, 0L), c.getOrDefault(InboundStatus.REJECTED, 0L),
					c.getOrDefault(InboundStatus.QUARANTINED, 0L), ignored, c.getOrDefault(InboundStatus.RECEIVED, 0L));
			days.add(day);
			received += day.received();
			accepted += day.accepted();
			rejected += day.rejected();
		}
		var reasons = counts.reasons(InboundStatus.REJECTED, start, end).entrySet().stream()
			.map(r -> new ReasonCount(r.getKey(), reasonNames.name(r.getKey()), r.getValue()))
			.toList();
		return new Intake(from, to, days, reasons, received, accepted, rejected);
	}

	/** The office's today. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** The month keys of an assessment year, up to the current month. */
	private List<String> months(JurisdictionProfile profile, int year) {
		var months = new ArrayList<String>();
		YearMonth last = YearMonth.from(profile.calendar().endOf(year));
		YearMonth now = YearMonth.from(today());
		for (YearMonth m = YearMonth.from(profile.calendar().startOf(year)); !m.isAfter(last) && !m.isAfter(now); m = m.plusMonths(1)) {
			months.add(m.toString());
		}
		return months;
	}

	private Map<String, long[]> intakeByMonth(JurisdictionProfile profile, int year) {
		return intakeByMonth(profile, year, null);
	}

	/** Messages received and rejected per month key of the year (all units, or one). */
	private Map<String, long[]> intakeByMonth(JurisdictionProfile profile, int year, Long unitId) {
		var result = new HashMap<String, long[]>();
		var start = profile.calendar().startOf(year).atStartOfDay(zone).toInstant();
		var end = profile.calendar().endOf(year).plusDays(1).atStartOfDay(zone).toInstant();
		for (var row : inbound.outcomes(start, end)) {
			if (row.status() == InboundStatus.IGNORED || (unitId != null && !unitId.equals(row.unitId()))) {
				continue;
			}
			long[] c = result.computeIfAbsent(YearMonth.from(row.receivedAt().atZone(zone)).toString(), m -> new long[2]);
			c[0]++;
			if (row.status() == InboundStatus.REJECTED) {
				c[1]++;
			}
		}
		return result;
	}

	private static Period period(JurisdictionProfile profile, String kind, String key) {
		try {
			PeriodKind periodKind = PeriodKind.valueOf(String.valueOf(kind).toUpperCase(java.util.Locale.ROOT));
			if (profile.calendar().periods().contains(periodKind) && key != null) {
				var period = profile.calendar().period(periodKind, key.strip());
				if (period.isPresent()) {
					return period.get();
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// an unknown kind: refused below
		}
		throw new Refused("PERIOD_UNKNOWN", profile.id() + " has no assessed period " + kind + " " + key);
	}
}
