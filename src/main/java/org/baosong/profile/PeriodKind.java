package org.baosong.profile;

/** The assessment periods a profile can name; all are aligned to the profile's assessment year. */
public enum PeriodKind {
	WEEK, MONTH, QUARTER, HALF, YEAR
}
