package org.baosong.common;

import java.util.List;

/** One page of a listing: the items, the zero-based page number, the page size and the total count. */
public record Page<T>(List<T> items, int number, int size, long total) {

	public static final int DEFAULT_SIZE = 50;

	public Page {
		items = List.copyOf(items);
	}

	/** The row offset of a page number for a page size (negative numbers read as the first page). */
	public static int offset(int number, int size) {
		return Math.max(0, number) * size;
	}
}
