package org.baosong.screening;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The date shapes of the spec: 2026-11-20, 2026/11/20, 2026.11.20, 2026年11月20日, 20261120 and
 * 11月20日, the last with its year inferred from the day of receipt.
 */
final class SubjectDates {

	private static final Pattern NUMERIC = Pattern.compile("(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})\\s*日?");

	/** 号 is how many people say 日; a missing 日 at the end changes nothing. */
	private static final Pattern CHINESE = Pattern.compile("(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?");

	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern DATE_TOKEN = Pattern.compile("[\\d年月日号./\\-]+");

	private SubjectDates() {
	}

	/** What a date-shaped text says. */
	record Reading(String text, LocalDate date) {

		boolean valid() {
			return date != null;
		}
	}

	/**
	 * Reads a date-shaped text. Empty when the text is not date-shaped at all; a reading without a
	 * date when it is shaped like one but names no calendar day (2026-02-30, 13月5日). Eight digits
	 * count as a date only when they make a real day in the year of receipt or next to it:
	 * otherwise they are a landline without its area code (83123456).
	 */
	static Optional<Reading> read(String text, LocalDate receivedOn) {
		String t = text.strip();
		Matcher m = NUMERIC.matcher(t);
		if (m.matches()) {
			return Optional.of(new Reading(t, day(m.group(1), m.group(2), m.group(3))));
		}
		m = CHINESE.matcher(t);
		if (m.matches()) {
			LocalDate date = m.group(1) != null ? day(m.group(1), m.group(2), m.group(3))
					: nearest(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), receivedOn);
			return Optional.of(new Reading(t, date));
		}
		m = COMPACT.matcher(t);
		if (m.matches()) {
			LocalDate date = day(m.group(1), m.group(2), m.group(3));
			if (date != null && Math.abs(date.getYear() - receivedOn.getYear()) <= 1) {
				return Optional.of(new Reading(t, date));
			}
		}
		return Optional.empty();
	}

	static boolean isDateToken(String token) {
		return DATE_TOKEN.matcher(token).matches() && token.chars().anyMatch(Character::isDigit);
	}

	/**
	 * A month and day without a year mean the occurrence nearest to the day of receipt, so that
	 * 12月31日 received on 2 January is last year's and 1月1日 received on 31 December next year's.
	 */
	private static LocalDate nearest(int month, int day, LocalDate receivedOn) {
		return Stream.of(-1, 0, 1)
			.map(offset -> day(receivedOn.getYear() + offset, month, day))
			.filter(d -> d != null)
			.min(Comparator.comparingLong(d -> Math.abs(ChronoUnit.DAYS.between(receivedOn, d))))
			.orElse(null);
	}

	private static LocalDate day(String year, String month, String day) {
		return day(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
	}

	private static LocalDate day(int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException notADay) {
			return null;
		}
	}
}
