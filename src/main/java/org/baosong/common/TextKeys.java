package org.baosong.common;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Lookup keys for names and addresses typed by people on Chinese keyboards: full-width letters,
 * digits and punctuation, stray spaces and mixed case must not make "越秀区" and "越秀 区" or
 * "Li@Yuexiu.gov.cn" and "li@yuexiu.gov.cn" different things.
 */
public final class TextKeys {

	private TextKeys() {
	}

	/** NFKC, then every kind of whitespace removed, then lower case (Latin only; Han is unaffected). */
	public static String nameKey(String text) {
		if (text == null) {
			return null;
		}
		String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
		var out = new StringBuilder(nfkc.length());
		nfkc.codePoints()
			.filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && cp != '\u200b' && cp != '\ufeff')
			.forEach(out::appendCodePoint);
		return out.toString().toLowerCase(Locale.ROOT);
	}

	/**
	 * An email address as a lookup key: NFKC (a full-width {@code ＠} becomes {@code @}), trimmed,
	 * angle brackets removed, lower case. Local parts are case-insensitive at every mail provider
	 * the offices use, so treating them so loses nothing and stops a capital letter from turning a
	 * registered informant into an unknown sender.
	 */
	public static String addressKey(String address) {
		if (address == null) {
			return null;
		}
		String key = nameKey(address);
		if (key.startsWith("<") && key.endsWith(">")) {
			key = key.substring(1, key.length() - 1);
		}
		return key;
	}

	/** Null for null, blank or whitespace-only input; otherwise the NFKC form, trimmed. */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		return nfkc.isEmpty() ? null : nfkc;
	}
}
