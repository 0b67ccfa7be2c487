package org.baosong.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;

import org.baosong.editorial.EditorialActs.Act;
import org.baosong.profile.ScoringRules.Section;

/**
 * Points a rule would give for one act, before the item's combination (sum, highest, max, cap) decides
 * which candidates become ledger lines.
 *
 * @param day  the day the points count for: the act's, or a later one the points depend on (the adoption a
 *             bonus needs)
 * @param text the explanation without points and tracking number, e.g. 穗府信息 标题信息
 */
record Candidate(Act act, Section section, LocalDate day, BigDecimal points, String ruleId, String text) {

	/** Highest points first; on a tie the earlier day, then the earlier act. */
	static final Comparator<Candidate> BEST_FIRST = Comparator.comparing(Candidate::points).reversed()
		.thenComparing(Candidate::day)
		.thenComparing(c -> c.act().id());

	/** The order lines are written and capped in: by day, act, then rule. */
	static final Comparator<Candidate> IN_ORDER = Comparator.comparing(Candidate::day).thenComparing(c -> c.act().id());

	Candidate withPoints(BigDecimal newPoints, String note) {
		return new Candidate(act, section, day, newPoints, ruleId, text + note);
	}

	Candidate withNote(String note) {
		return new Candidate(act, section, day, points, ruleId, text + note);
	}
}
