package org.baosong.extraction;

/**
 * 字数 as Word and WPS count it for Chinese text (the figure offices quote and profiles limit):
 * every Chinese character and every full-width punctuation mark or symbol is one; every run of
 * other non-space characters (an English word, a number such as 3.1, "+" standing alone) is
 * one; whitespace is nothing.
 */
final class ChineseCharCounter {

	private ChineseCharCounter() {
	}

	static int count(String text) {
		int count = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isWhitespace(cp) || cp == '\u3000' || cp == '\u00A0') {
				inWord = false;
			}
			else if (wide(cp)) {
				count++;
				inWord = false;
			}
			else if (!inWord) {
				count++;
				inWord = true;
			}
		}
		return count;
	}

	/** Characters Word counts one by one: CJK ideographs, kana, hangul, full-width forms and CJK punctuation. */
	static boolean wide(int cp) {
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
			return true;
		}
		return (cp >= 0x3000 && cp <= 0x303F) // CJK symbols and punctuation: 、。〈〉《》「」【】
				|| (cp >= 0xFF00 && cp <= 0xFFEF) // full-width forms: ，！？（）：；
				|| (cp >= 0xFE30 && cp <= 0xFE4F) // CJK compatibility forms
				|| cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D // Chinese quotation marks
				|| cp == 0x2014 || cp == 0x2026 || cp == 0x00B7 || cp == 0x2605 || cp == 0x2606; // —— …… · ★ ☆
	}
}
