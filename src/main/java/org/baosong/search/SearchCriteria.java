package org.baosong.search;

import java.time.LocalDate;

/**
 * A search: free text (words and phrases, space-separated parts all required, "quoted" parts exact;
 * a tracking number finds its submission), filters, order and page.
 *
 * @param text     free text, or null for every submission that passes the filters
 * @param from     first day received (office time zone), inclusive
 * @param to       last day received, inclusive
 * @param page     zero-based
 */
public record SearchCriteria(String text, Long unitId, String sequence, String type, String state, String flag, LocalDate from,
		LocalDate to, Order order, int page, int size) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	/** Results beyond this many are not paged to: narrow the search instead. */
	public static final int MAX_DEPTH = 10_000;

	public enum Order {
		/** Best match first (the newest first among equals); the newest first when there is no text. */
		RELEVANCE,
		NEWEST,
		OLDEST
	}

	public SearchCriteria {
		text = blankToNull(text);
		sequence = blankToNull(sequence);
		type = blankToNull(type);
		state = blankToNull(state);
		flag = blankToNull(flag);
		order = order == null ? Order.RELEVANCE : order;
		size = size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
		page = Math.max(0, Math.min(page, MAX_DEPTH / size - 1));
	}

	/** Only text, first page. */
	public static SearchCriteria text(String text) {
		return new SearchCriteria(text, null, null, null, null, null, null, null, Order.RELEVANCE, 0, DEFAULT_SIZE);
	}

	public boolean hasText() {
		return text != null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
