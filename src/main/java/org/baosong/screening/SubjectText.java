package org.baosong.screening;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The subject as the grammar reads it: NFKC, so that full-width letters, digits, spaces, ｜ and ［］
 * are plain ASCII, except for the full-width punctuation of Chinese prose (，；：！？（）), which
 * stays as typed: the title goes to the editors and into the journal as the unit wrote it, and
 * "改造，惠及" must not become "改造,惠及". Wherever the grammar looks for such punctuation (label
 * colons, brackets around names, commas between labelled fields) it accepts both forms.
 */
final class SubjectText {

	private static final Pattern PROSE_PUNCTUATION = Pattern.compile("[，；：！？（）]");

	/** Invisible characters that pasted text carries along and that no keyboard types on purpose. */
	private static final Pattern INVISIBLE = Pattern.compile("[\\u200b\\u200c\\u200d\\u2060\\ufeff]");

	private static final Pattern ENCLOSED = Pattern.compile("^[(（\\[【〔<《「『\"“‘'](.*)[)）\\]】〕>》」』\"”’']$");

	private SubjectText() {
	}

	/** Null for null or blank; otherwise normalized as described above and trimmed. */
	static String normalize(String subject) {
		if (subject == null) {
			return null;
		}
		var out = new StringBuilder(subject.length());
		Matcher m = PROSE_PUNCTUATION.matcher(subject);
		int from = 0;
		while (m.find()) {
			out.append(Normalizer.normalize(subject.substring(from, m.start()), Normalizer.Form.NFKC)).append(m.group());
			from = m.end();
		}
		out.append(Normalizer.normalize(subject.substring(from), Normalizer.Form.NFKC));
		String text = INVISIBLE.matcher(out).replaceAll("").strip();
		return text.isEmpty() ? null : text;
	}

	/** (王明), （王明）, 【王明】, “王明”: brackets and quotes around a value are decoration. */
	static String unbracket(String text) {
		String t = text.strip();
		Matcher m = ENCLOSED.matcher(t);
		return m.matches() ? m.group(1).strip() : t;
	}

	static List<String> tokens(String text) {
		return Stream.of(text.strip().split("\\s+")).filter(t -> !t.isEmpty()).toList();
	}

	/** Length in characters as people count them: code points, not UTF-16 units. */
	static int length(String text) {
		return text.codePointCount(0, text.length());
	}
}
