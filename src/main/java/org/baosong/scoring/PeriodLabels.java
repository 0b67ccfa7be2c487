package org.baosong.scoring;

import org.baosong.profile.PeriodKind;

/** Periods as people read them: 2026年度第1季度, 2025年12月, 2026年度上半年. */
public final class PeriodLabels {

	private PeriodLabels() {
	}

	public static String of(PeriodRef period) {
		return of(period.kind(), period.key());
	}

	public static String of(PeriodKind kind, String key) {
		return switch (kind) {
			case YEAR -> key + "年度";
			case HALF -> key.substring(0, 4) + "年度" + (key.endsWith("H1") ? "上半年" : "下半年");
			case QUARTER -> key.substring(0, 4) + "年度第" + key.substring(key.length() - 1) + "季度";
			case MONTH -> key.substring(0, 4) + "年" + Integer.parseInt(key.substring(5)) + "月";
			case WEEK -> key.substring(0, 4) + "年第" + Integer.parseInt(key.substring(6)) + "周";
		};
	}
}
