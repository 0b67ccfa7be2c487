package org.baosong.profile;

import java.math.BigDecimal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * What a unit of a sequence must reach in a period, and what follows when it does or does not: a score
 * (Guangzhou: district 18 per quarter) and/or a quantity of accepted submissions (Yinchuan: 90 per quarter),
 * optionally of one report type only (Changchun: one 调研 per quarter). Quantities per week are checked when the
 * calendar's smallest assessed period that holds the week closes.
 *
 * @param period           the period the target is for
 * @param score            the points to reach, or null
 * @param quantity         the accepted submissions to reach, or null
 * @param reportType       count only submissions of this type (类型), e.g. 调研; null: all
 * @param basePoints       points written at the close when the target is met (Yinchuan: 10; 0 when missed)
 * @param pointsPerMissing points per submission short of the quantity, e.g. -5 (Changchun)
 * @param pointsPerExtra   points per submission beyond the quantity, e.g. 5 (Changchun: extra research reports)
 */
public record Target(
		@NotNull PeriodKind period,
		@DecimalMin("0") BigDecimal score,
		@Min(0) Integer quantity,
		String reportType,
		BigDecimal basePoints,
		BigDecimal pointsPerMissing,
		BigDecimal pointsPerExtra) {

	/** A target without consequences in points (they may be flagged as alerts). */
	public Target(PeriodKind period, BigDecimal score, Integer quantity) {
		this(period, score, quantity, null, null, null, null);
	}

	@org.springframework.boot.context.properties.bind.ConstructorBinding
	public Target {
	}

	@AssertTrue(message = "a target needs a score, a quantity or both")
	public boolean isScoreOrQuantity() {
		return score != null || quantity != null;
	}

	@AssertTrue(message = "report-type, points-per-missing and points-per-extra need a quantity")
	public boolean isQuantityConsequenceOnQuantity() {
		return quantity != null || (reportType == null && pointsPerMissing == null && pointsPerExtra == null);
	}

	@AssertTrue(message = "a score target and a quantity quota with base-points must be two targets: the base is for one of them")
	public boolean isBaseForOneMeasure() {
		return basePoints == null || score == null || quantity == null;
	}

	public boolean hasPoints() {
		return basePoints != null || pointsPerMissing != null || pointsPerExtra != null;
	}
}
