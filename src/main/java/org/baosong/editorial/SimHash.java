package org.baosong.editorial;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A 64-bit SimHash over character trigrams of the text with spacing and punctuation folded away:
 * reports that differ in a few words have hashes a few bits apart (NEAR_DUPLICATE: within 6 bits).
 */
public final class SimHash {

	/** Unrelated texts differ by about 32 ± 4 bits; a one-word edit of a short report moves a few bits. */
	public static final int NEAR = 6;

	private SimHash() {
	}

	public static Long of(String text) {
		if (text == null) {
			return null;
		}
		int[] cps = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\p{P}\\p{S}]", "").codePoints().toArray();
		if (cps.length < 3) {
			return null;
		}
		int[] votes = new int[64];
		for (int i = 0; i + 3 <= cps.length; i++) {
			long h = fnv(new String(cps, i, 3));
			for (int bit = 0; bit < 64; bit++) {
				votes[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
			}
		}
		long hash = 0;
		for (int bit = 0; bit < 64; bit++) {
			if (votes[bit] > 0) {
				hash |= 1L << bit;
			}
		}
		return hash;
	}

	public static int distance(long a, long b) {
		return Long.bitCount(a ^ b);
	}

	private static long fnv(String shingle) {
		long h = 0xcbf29ce484222325L;
		for (byte b : shingle.getBytes(StandardCharsets.UTF_8)) {
			h ^= b & 0xff;
			h *= 0x100000001b3L;
		}
		// spread the bits: FNV's low bits vary too little over short inputs
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		return h;
	}
}
