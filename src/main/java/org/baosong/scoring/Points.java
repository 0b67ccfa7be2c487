package org.baosong.scoring;

import java.math.BigDecimal;

/** How points read in explanations: {@code +2}, {@code -5}, {@code +0.5}; shares as {@code 50%}. */
final class Points {

	private Points() {
	}

	static String plain(BigDecimal points) {
		return points.signum() == 0 ? "0" : points.stripTrailingZeros().toPlainString();
	}

	static String signed(BigDecimal points) {
		return (points.signum() > 0 ? "+" : "") + plain(points);
	}

	static String percent(BigDecimal share) {
		return plain(share.movePointRight(2)) + "%";
	}

	/** The ledger's explanation column holds 500 characters. */
	static String clip(String explanation) {
		return explanation.length() <= 500 ? explanation : explanation.substring(0, 499) + "…";
	}
}
