package org.baosong.scoring;

import org.baosong.profile.PeriodKind;

/**
 * A period by kind and ledger key: {@code QUARTER 2026-Q1}, {@code YEAR 2026}, {@code MONTH 2025-12}.
 */
public record PeriodRef(PeriodKind kind, String key) {

	/** From request text; an unknown kind or a blank key is refused (PERIOD_UNKNOWN). */
	public static PeriodRef of(String kind, String key) {
		try {
			if (key == null || key.isBlank()) {
				throw new IllegalArgumentException("no key");
			}
			return new PeriodRef(PeriodKind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT)), key.strip());
		}
		catch (RuntimeException ex) {
			throw new PeriodCloses.Refused("PERIOD_UNKNOWN", "a period is a kind (YEAR, HALF, QUARTER, MONTH) and a key (2026, 2026-Q1 ...)");
		}
	}

	LedgerMapper.PeriodColumn column() {
		return LedgerMapper.PeriodColumn.valueOf(kind.name());
	}

	@Override
	public String toString() {
		return kind + " " + key;
	}
}
