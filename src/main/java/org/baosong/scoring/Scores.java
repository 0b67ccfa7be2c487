package org.baosong.scoring;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of the ledger for bulletins, statistics and pages: every figure is a sum over ledger rows.
 * Totals include reversing rows (an undone point and its reversal sum to nothing), so a total always equals
 * the sum of the lines listed for it.
 */
@Service
@Transactional(readOnly = true)
public class Scores {

	private final LedgerMapper mapper;

	Scores(LedgerMapper mapper) {
		this.mapper = mapper;
	}

	/** Points and accepted submissions of one unit in a period. */
	public record UnitTotal(long unitId, BigDecimal points, long submissions, long lines) {
	}

	/** Every row (with reversals) of a unit in a period, oldest first: the unit's explanation. */
	public List<LedgerLine> lines(String profileId, long unitId, PeriodRef period) {
		return mapper.lines(profileId, unitId, period.column(), period.key()).stream().map(LedgerLine::of).toList();
	}

	/** Points (sum of all rows) and accepted submissions per unit in a period; units without rows are absent. */
	public Map<Long, UnitTotal> totals(String profileId, PeriodRef period) {
		Map<Long, Long> submissions = new HashMap<>();
		for (var a : mapper.acceptedPerWeek(profileId, period.column(), period.key())) {
			submissions.merge(a.unitId(), a.submissions(), Long::sum);
		}
		var result = new HashMap<Long, UnitTotal>();
		for (var t : mapper.totals(profileId, period.column(), period.key())) {
			result.put(t.unitId(), new UnitTotal(t.unitId(), Line.scale(t.points()), submissions.getOrDefault(t.unitId(), 0L), t.lineCount()));
		}
		return result;
	}
}
