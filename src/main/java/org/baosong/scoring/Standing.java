package org.baosong.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * One unit in a period, as a bulletin's table shows it.
 *
 * @param points      the sum of its ledger lines in the period
 * @param submissions accepted submissions in the period
 * @param targets     each target of its sequence checked for this period, with what it reached
 * @param met         all targets met; null when the sequence has no target for this period
 * @param completion  percent of the first target reached; null without targets
 * @param rank        rank in the sequence by points (equal points share a rank: 1, 2, 2, 4)
 * @param closed      the period is closed (targets are judged finally)
 */
public record Standing(long unitId, String unitCode, String unitName, String sequenceCode, String sequenceName, BigDecimal points,
		long submissions, List<TargetStatus> targets, Boolean met, BigDecimal completion, int rank, boolean closed) {

	/**
	 * @param measure  SCORE, QUANTITY or WEEKLY
	 * @param required the score or quantity to reach (for WEEKLY: the weeks checked)
	 * @param actual   what was reached (for WEEKLY: the weeks that reached the quantity)
	 */
	public record TargetStatus(String measure, String period, String reportType, BigDecimal required, BigDecimal actual, boolean met,
			BigDecimal completion) {
	}
}
