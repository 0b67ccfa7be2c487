package org.baosong.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baosong.editorial.AcceptedSubmissions;
import org.baosong.registry.Registry;
import org.baosong.registry.Unit;
import org.springframework.stereotype.Component;

/** Builds the rules' view of units and submissions: one unit or submission at a time, or all at once for a recompute. */
@Component
class Contexts {

	private final Registry registry;

	private final AcceptedSubmissions submissions;

	Contexts(Registry registry, AcceptedSubmissions submissions) {
		this.registry = registry;
		this.submissions = submissions;
	}

	/** Looks units and tracking numbers up as they are asked for, remembering them. */
	ScoringContext live() {
		Map<Long, Optional<ScoringContext.UnitFacts>> units = new HashMap<>();
		Map<Long, String> tracking = new HashMap<>();
		return new ScoringContext() {
			@Override
			public Optional<UnitFacts> unit(long unitId) {
				return units.computeIfAbsent(unitId, id -> registry.unit(id).map(Contexts::facts));
			}

			@Override
			public String trackingNo(long submissionId) {
				return tracking.computeIfAbsent(submissionId,
						id -> submissions.byIds(List.of(id)).stream().findFirst().map(AcceptedSubmissions.Accepted::trackingNo).orElse(null));
			}
		};
	}

	/** Every unit of the registry and every submission given, loaded once. */
	ScoringContext preloaded(List<AcceptedSubmissions.Accepted> accepted) {
		Map<Long, ScoringContext.UnitFacts> units = new HashMap<>();
		registry.units().forEach(u -> units.put(u.id(), facts(u)));
		Map<Long, String> tracking = new HashMap<>();
		accepted.forEach(a -> tracking.put(a.id(), a.trackingNo()));
		ScoringContext fallback = live();
		return new ScoringContext() {
			@Override
			public Optional<UnitFacts> unit(long unitId) {
				var unit = units.get(unitId);
				return unit != null ? Optional.of(unit) : fallback.unit(unitId);
			}

			@Override
			public String trackingNo(long submissionId) {
				String no = tracking.get(submissionId);
				return no != null ? no : fallback.trackingNo(submissionId);
			}
		};
	}

	/** All units of the registry. */
	List<Unit> units() {
		return registry.units();
	}

	static ScoringContext.UnitFacts facts(Unit unit) {
		return new ScoringContext.UnitFacts(unit.id(), unit.name(), unit.sequenceCode(), unit.parentUnitId(), unit.active());
	}
}
