package org.baosong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.baosong.profile.AssessmentCalendar;
import org.baosong.profile.PeriodKind;

/**
 * The bulletin benchmark's generator still does what scripts/bench-bulletin relies on: the same seed gives the
 * same rows, exactly as many ledger rows and units as asked for, spread over the four quarters of the year, with
 * consistent undos (each reverses an earlier point row once, with the opposite points) and an act behind every
 * act row. No timing here.
 */
class LedgerWorkloadTest {

	static final AssessmentCalendar GUANGZHOU = new AssessmentCalendar("12-01", List.of(PeriodKind.QUARTER, PeriodKind.YEAR));

	record Recorded(List<LedgerWorkload.EntryRow> entries, List<LedgerWorkload.ActRow> acts, List<LedgerWorkload.InboundRow> inbound) {
	}

	static Recorded generate(long seed, int units, int rows) {
		var recorded = new Recorded(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		new LedgerWorkload(seed, units, rows, 2025, GUANGZHOU).generate(new LedgerWorkload.Sink() {
			@Override
			public void entry(LedgerWorkload.EntryRow row) {
				recorded.entries().add(row);
			}

			@Override
			public void act(LedgerWorkload.ActRow row) {
				recorded.acts().add(row);
			}

			@Override
			public void inbound(LedgerWorkload.InboundRow row) {
				recorded.inbound().add(row);
			}
		});
		return recorded;
	}

	@Test
	void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
		assertThat(generate(7, 40, 20_000)).isEqualTo(generate(7, 40, 20_000));
		assertThat(generate(8, 40, 20_000).entries()).isNotEqualTo(generate(7, 40, 20_000).entries());
	}

	@Test
	void exactlyTheUnitsAndRowsAskedForOverTheFourQuartersOfTheYear() {
		var workload = new LedgerWorkload(7, 500, 50_000, 2025, GUANGZHOU);
		assertThat(workload.units()).hasSize(500);
		assertThat(workload.units().stream().map(LedgerWorkload.UnitRow::sequenceCode).distinct()).containsExactlyElementsOf(LedgerWorkload.SEQUENCES);
		var ids = workload.units().stream().collect(Collectors.toMap(LedgerWorkload.UnitRow::id, u -> u));
		workload.units().stream().filter(u -> u.sequenceCode().startsWith("direct"))
			.forEach(u -> assertThat(ids.get(u.parentUnitId()).sequenceCode()).startsWith("dept"));

		var recorded = generate(7, 500, 50_000);
		assertThat(recorded.entries()).hasSize(50_000);
		assertThat(recorded.entries().stream().map(LedgerWorkload.EntryRow::id).toList())
			.isEqualTo(java.util.stream.LongStream.rangeClosed(1, 50_000).boxed().toList());
		Map<String, Long> perQuarter = recorded.entries().stream().collect(Collectors.groupingBy(e -> e.periods().quarter(), Collectors.counting()));
		assertThat(perQuarter).containsOnlyKeys("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
		perQuarter.values().forEach(n -> assertThat(n).isBetween(11_000L, 14_000L));
		recorded.entries().forEach(e -> assertThat(e.periods()).isEqualTo(GUANGZHOU.periods(e.day())));
		assertThat(recorded.entries().stream().map(LedgerWorkload.EntryRow::unitId).distinct().count()).isEqualTo(500);
		assertThat(recorded.inbound().stream().filter(i -> "ACCEPTED".equals(i.status())).count())
			.isEqualTo(recorded.entries().stream().filter(e -> "SUBMISSION_ACCEPTED".equals(e.eventKind())).count());
	}

	@Test
	void everyUndoReversesAnEarlierPointRowOnceAndEveryActRowHasItsAct() {
		var recorded = generate(11, 50, 30_000);
		Map<Long, LedgerWorkload.EntryRow> byId = new HashMap<>();
		recorded.entries().forEach(e -> byId.put(e.id(), e));
		var reversed = new HashSet<Long>();
		long reversals = 0;
		for (var e : recorded.entries()) {
			if (e.reversesId() != null) {
				reversals++;
				var original = byId.get(e.reversesId());
				assertThat(original.id()).isLessThan(e.id());
				assertThat(original.reversesId()).isNull();
				assertThat(original.points().signum()).isPositive();
				assertThat(e.points()).isEqualByComparingTo(original.points().negate());
				assertThat(e.unitId()).isEqualTo(original.unitId());
				assertThat(reversed.add(original.id())).as("row %d reversed once", original.id()).isTrue();
			}
		}
		assertThat(reversals).isGreaterThan(300);
		var acts = recorded.acts().stream().collect(Collectors.toMap(LedgerWorkload.ActRow::id, a -> a));
		assertThat(recorded.acts().stream().filter(a -> a.reversesId() != null).map(LedgerWorkload.ActRow::reversesId).distinct().count())
			.isEqualTo(recorded.acts().stream().filter(a -> a.reversesId() != null).count());
		recorded.entries().stream().filter(e -> !"SUBMISSION_ACCEPTED".equals(e.eventKind())).forEach(e -> {
			assertThat(acts).containsKey(e.eventId());
			assertThat(acts.get(e.eventId()).kind()).isEqualTo(e.eventKind());
		});
		assertThat(recorded.entries().stream().filter(e -> "parent-credit".equals(e.ruleId())).count()).isPositive();
	}
}
