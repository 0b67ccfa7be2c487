package org.baosong.profile;

import java.math.BigDecimal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * What a unit of a sequence must reach in a period: a score (Guangzhou: district 18 per quarter)
 * and/or a quantity of accepted submissions (Yinchuan: 90 per quarter). The consequences of
 * missing it belong to the scoring section.
 */
public record Target(
		@NotNull PeriodKind period,
		@DecimalMin("0") BigDecimal score,
		@Min(0) Integer quantity) {

	@AssertTrue(message = "a target needs a score, a quantity or both")
	public boolean isScoreOrQuantity() {
		return score != null || quantity != null;
	}
}
