package org.baosong.scoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baosong.audit.AuditLog;
import org.baosong.profile.AssessmentCalendar.Period;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.PeriodKind;
import org.baosong.profile.ProfileCatalog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing assessment periods (spec/scoring.md: period close = quota checks): the close writes its lines
 * once — quotas' consequences, base points, target status, normalisation — under one {@code period_close}
 * row. Closing a closed period again does nothing unless asked explicitly ({@code again}), and then writes
 * only the difference. A period can be closed once it is over, and only after the shorter periods within it
 * (a year's quarters), whose lines it counts.
 */
@Service
public class PeriodCloses {

	/** Why a close was refused; {@code code} names it for the message bundle and the API. */
	public static final class Refused extends RuntimeException {

		private final String code;

		Refused(String code, String message) {
			super(message);
			this.code = code;
		}

		public String code() {
			return code;
		}
	}

	/**
	 * @param written false when the period was already closed and nothing was written
	 */
	public record Outcome(PeriodClose close, boolean written, int added, int reversed) {
	}

	private final PeriodCloseMapper mapper;

	private final LedgerMapper ledgerMapper;

	private final Ledger ledger;

	private final ProfileCatalog profiles;

	private final Contexts contexts;

	private final AuditLog audit;

	private final Clock clock;

	PeriodCloses(PeriodCloseMapper mapper, LedgerMapper ledgerMapper, Ledger ledger, ProfileCatalog profiles, Contexts contexts,
			AuditLog audit, Clock clock) {
		this.mapper = mapper;
		this.ledgerMapper = ledgerMapper;
		this.ledger = ledger;
		this.profiles = profiles;
		this.contexts = contexts;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Closes a period (or, with {@code again}, closes a closed one again), writing its close lines.
	 *
	 * @param user who closes (the audit line's actor); {@link AuditLog#SYSTEM} for the job
	 */
	@Transactional
	public Outcome close(String profileId, PeriodRef ref, String user, boolean again) {
		JurisdictionProfile profile = profile(profileId);
		Period period = assessedPeriod(profile, ref);
		LocalDate today = LocalDate.now(clock);
		if (!today.isAfter(period.end())) {
			throw new Refused("PERIOD_NOT_OVER", PeriodLabels.of(ref) + " ends on " + period.end());
		}
		var open = openWithin(profile, period);
		if (!open.isEmpty()) {
			throw new Refused("EARLIER_PERIOD_OPEN", "close first: " + String.join(", ", open));
		}
		var existing = mapper.lock(profileId, ref.kind().name(), ref.key());
		if (existing.isPresent() && !again) {
			return new Outcome(existing.get(), false, 0, 0);
		}
		long id;
		if (existing.isPresent()) {
			id = existing.get().id();
			mapper.closedAgain(id, clock.instant());
		}
		else {
			var row = new PeriodCloseMapper.NewClose(profileId, ref.kind().name(), ref.key(), period.start(), period.end(), clock.instant(), user);
			try {
				mapper.insert(row);
			}
			catch (DuplicateKeyException ex) {
				// closed meanwhile by another node or the job: that close stands
				return new Outcome(mapper.lock(profileId, ref.kind().name(), ref.key()).orElseThrow(), false, 0, 0);
			}
			id = row.getId();
		}
		String scope = Scopes.close(ref.kind(), ref.key());
		var lines = new CloseRules(profile).derive(period, id, figures(profile, period), clock.instant());
		var change = ledger.apply(profileId, scope, lines, existing.isPresent() ? "重新关闭" : null);
		audit.recordAs(user, existing.isPresent() ? "PERIOD_RECLOSED" : "PERIOD_CLOSED", "period_close", id,
				profile.id() + " " + PeriodLabels.of(ref) + "：新增 " + change.added().size() + " 行，冲销 " + change.reversed().size() + " 行");
		return new Outcome(mapper.find(profileId, ref.kind().name(), ref.key()).orElseThrow(), true, change.added().size(),
				change.reversed().size());
	}

	@Transactional(readOnly = true)
	public Optional<PeriodClose> find(String profileId, PeriodRef ref) {
		return mapper.find(profileId, ref.kind().name(), ref.key());
	}

	@Transactional(readOnly = true)
	public List<PeriodClose> closes(String profileId) {
		return mapper.ofProfile(profileId);
	}

	/**
	 * The assessed periods of a profile that are over by {@code delayDays} on {@code today} and not closed, in the
	 * order they must be closed (by last day; a quarter before the year that ends with it). Years before the first
	 * one with ledger lines are left alone: a profile nobody uses has nothing to close.
	 */
	@Transactional(readOnly = true)
	public List<PeriodRef> due(String profileId, LocalDate today, int delayDays) {
		JurisdictionProfile profile = profile(profileId);
		var years = ledgerMapper.years(profileId);
		if (years.isEmpty()) {
			return List.of();
		}
		var closed = new java.util.HashSet<String>();
		mapper.ofProfile(profileId).forEach(c -> closed.add(c.periodKind() + ":" + c.periodKey()));
		int first = Integer.parseInt(years.get(0));
		int last = profile.calendar().assessmentYear(today);
		var due = new ArrayList<Period>();
		for (int year = first; year <= last; year++) {
			for (Period p : profile.calendar().periodsOf(year)) {
				if (today.isAfter(p.end().plusDays(delayDays)) && !closed.contains(p.kind() + ":" + p.key())) {
					due.add(p);
				}
			}
		}
		due.sort(Comparator.comparing(Period::end).thenComparing(Period::kind));
		return due.stream().map(p -> new PeriodRef(p.kind(), p.key())).toList();
	}

	/** The figures a close judges, read from the ledger. */
	CloseRules.Figures figures(JurisdictionProfile profile, Period period) {
		return figures(profile, period, ledgerMapper, contexts.units().stream().map(Contexts::facts).toList());
	}

	static CloseRules.Figures figures(JurisdictionProfile profile, Period period, LedgerMapper ledgerMapper,
			List<ScoringContext.UnitFacts> registry) {
		var ref = new PeriodRef(period.kind(), period.key());
		Map<Long, BigDecimal> points = new HashMap<>();
		ledgerMapper.pointsPerUnit(profile.id(), ref.column(), ref.key(), Scopes.close(period.kind(), period.key()))
			.forEach(p -> points.put(p.unitId(), p.points()));
		var counts = Targets.counts(ledgerMapper.acceptedPerWeek(profile.id(), ref.column(), ref.key()));
		var weeks = Targets.weeksOf(profile.calendar(), period);
		var weekly = weeks.isEmpty() ? Map.<Long, Targets.Counts>of() : Targets.counts(ledgerMapper.acceptedInWeeks(profile.id(), weeks));
		var units = registry.stream().filter(u -> u.active() || points.containsKey(u.id())).toList();
		return new CloseRules.Figures(units, points, counts, weekly);
	}

	private JurisdictionProfile profile(String profileId) {
		return profiles.find(profileId).orElseThrow(() -> new Refused("PROFILE_UNKNOWN", "no profile '" + profileId + "'"));
	}

	static Period assessedPeriod(JurisdictionProfile profile, PeriodRef ref) {
		if (ref.kind() == PeriodKind.WEEK || !profile.calendar().periods().contains(ref.kind())) {
			throw new Refused("PERIOD_NOT_ASSESSED", ref.kind() + " is not assessed by " + profile.id());
		}
		return profile.calendar().period(ref.kind(), ref.key())
			.orElseThrow(() -> new Refused("PERIOD_UNKNOWN", "no " + ref.kind() + " '" + ref.key() + "' in " + profile.id()));
	}

	/** The shorter assessed periods inside a period that are not closed yet. */
	private List<String> openWithin(JurisdictionProfile profile, Period period) {
		var open = new ArrayList<String>();
		int year = profile.calendar().assessmentYear(period.start());
		for (Period p : profile.calendar().periodsOf(year)) {
			if (p.kind().compareTo(period.kind()) < 0 && !p.start().isBefore(period.start()) && !p.end().isAfter(period.end())
					&& mapper.find(profile.id(), p.kind().name(), p.key()).isEmpty()) {
				open.add(PeriodLabels.of(p.kind(), p.key()));
			}
		}
		return open;
	}
}
