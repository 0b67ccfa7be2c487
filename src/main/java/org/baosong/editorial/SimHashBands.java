package org.baosong.editorial;

import java.util.ArrayList;
import java.util.List;

/**
 * The four 16-bit bands of a SimHash, kept in indexed columns of {@code submission} so that NEAR_DUPLICATE
 * finds its candidates by index instead of reading every hash of the window. Pigeonhole: two hashes within
 * {@link SimHash#NEAR} bits (6) differ in at most {@code NEAR / 4} bits (1) in at least one of the four bands,
 * so every hash within NEAR of a query has, in some band, one of the values {@link #probes} lists for the
 * query's band: the query's value and those one bit from it (17 values a band). Candidates are checked
 * against the whole hash afterwards; none is missed and the decision is the one a full scan makes.
 */
final class SimHashBands {

	static final int BANDS = 4;

	static final int BITS = 64 / BANDS;

	/** Differing bits allowed within the band that differs least. */
	static final int RADIUS = SimHash.NEAR / BANDS;

	private static final int MASK = (1 << BITS) - 1;

	private SimHashBands() {
	}

	/** Bits {@code 16 × band} to {@code 16 × band + 15} of the hash, 0 … 65535. */
	static int band(long hash, int band) {
		return (int) (hash >>> (BITS * band)) & MASK;
	}

	/** The values within {@link #RADIUS} bits of the query's value in that band, the query's own first. */
	static List<Integer> probes(long hash, int band) {
		var values = new ArrayList<Integer>();
		collect(band(hash, band), 0, RADIUS, values);
		return values;
	}

	/** The value, and every value with up to {@code left} more of its bits from {@code from} on flipped. */
	private static void collect(int value, int from, int left, List<Integer> into) {
		into.add(value);
		if (left == 0) {
			return;
		}
		for (int bit = from; bit < BITS; bit++) {
			collect(value ^ (1 << bit), bit + 1, left - 1, into);
		}
	}
}
