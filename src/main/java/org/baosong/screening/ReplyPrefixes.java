package org.baosong.screening;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prefixes mail clients put before the subject of a reply or a forward: Re:, Fw:, Fwd:, and
 * the Chinese clients' 回复:, 答复:, 转发:, stacked as often as the thread went back and forth, with
 * the counters some clients add (Re[2]:, 回复(3):), with an ASCII or a full-width colon.
 */
final class ReplyPrefixes {

	private static final Pattern PREFIX = Pattern
		.compile("^\\s*(?:re|fwd?|回复|答复|转发)\\s*(?:\\[\\d+]|[(（]\\d+[)）])?\\s*[:：]\\s*", Pattern.CASE_INSENSITIVE);

	private ReplyPrefixes() {
	}

	/** The prefix as written (null when there is none) and what follows every prefix. */
	record Stripped(String prefix, String rest) {
	}

	static Stripped strip(String subject) {
		String rest = subject;
		String first = null;
		Matcher m = PREFIX.matcher(rest);
		while (m.lookingAt()) {
			if (first == null) {
				first = m.group().strip();
			}
			rest = rest.substring(m.end());
			m = PREFIX.matcher(rest);
		}
		return new Stripped(first, rest);
	}
}
