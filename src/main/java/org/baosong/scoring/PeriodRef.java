package org.baosong.scoring;

import org.baosong.profile.PeriodKind;

/**
 * A period by kind and ledger key: {@code QUARTER 2026-Q1}, {@code YEAR 2026}, {@code MONTH 2025-12}.
 */
public record PeriodRef(PeriodKind kind, String key) {

	public static PeriodRef of(String kind, String key) {
		return new PeriodRef(PeriodKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), key);
	}

	LedgerMapper.PeriodColumn column() {
		return LedgerMapper.PeriodColumn.valueOf(kind.name());
	}

	@Override
	public String toString() {
		return kind + " " + key;
	}
}
