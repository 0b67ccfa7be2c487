package org.baosong.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param number  the page, from 0
 * @param total   how many submissions match; when {@code atLeast}, at least this many (counting stops at
 *                {@link SearchCriteria#MAX_DEPTH}, as far as one can page anyway)
 */
public record SearchResults(List<SearchHit> items, int number, int size, long total, boolean atLeast) {

	public SearchResults {
		items = List.copyOf(items);
	}
}
