package org.baosong.screening;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The phone shapes of the spec: a mobile {@code 1[3-9]\d{9}} or a landline
 * {@code (0\d{2,3}-?)?\d{7,8}(-\d{1,6})?}, as people actually type them.
 */
final class PhoneNumbers {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("(0\\d{2,3}-?)?\\d{7,8}(-\\d{1,6})?");

	/** What a phone may be made of once typed: digits, separators, a country code, an extension. */
	private static final Pattern PHONE_CHARS = Pattern.compile("[+\\d\\s\\-()转]+");

	private static final Pattern AREA_IN_PARENS = Pattern.compile("^\\((0\\d{2,3})\\)-?");

	private PhoneNumbers() {
	}

	/**
	 * The canonical form of a valid phone, else null. Mobiles are grouped with spaces or dashes
	 * (138 0013 8000, 138-0013-8000) and carry +86 often enough that refusing them would only annoy;
	 * they come back as 11 digits. Landlines keep their dashes (the area code is worth seeing) but
	 * lose spaces; (020)83123456 and 83123456转123 are the usual ways of writing area and extension.
	 */
	static String canonical(String text) {
		String compact = nfkc(text).replaceAll("\\s+", "");
		String digits = compact.replace("-", "").replaceFirst("^(\\+86|0086)", "");
		if (MOBILE.matcher(digits).matches()) {
			return digits;
		}
		if (digits.length() == 13 && digits.startsWith("86") && MOBILE.matcher(digits.substring(2)).matches()) {
			return digits.substring(2);
		}
		String landline = AREA_IN_PARENS.matcher(compact).replaceFirst("$1-").replace('转', '-');
		return LANDLINE.matcher(landline).matches() ? landline : null;
	}

	/** Whether an unlabelled field was meant as a phone, valid or not: phone characters, five digits or more. */
	static boolean looksLikePhone(String text) {
		return PHONE_CHARS.matcher(nfkc(text)).matches() && text.chars().filter(Character::isDigit).count() >= 5;
	}

	/** Whether a token could be part of a phone as typed. */
	static boolean isPhoneToken(String token) {
		return PHONE_CHARS.matcher(nfkc(token)).matches() && token.chars().anyMatch(Character::isDigit);
	}

	/** （020） keeps its full-width brackets in the subject (see SubjectText); here they are plain. */
	private static String nfkc(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC);
	}

	/** Why a phone is not valid, for the reply. */
	static String problem(String text) {
		String hint = "（手机为11位，座机如020-83123456）";
		if (text.replaceAll("[\\s\\-]", "").matches("\\d+")) {
			return "联系电话“" + text + "”位数不对" + hint;
		}
		return "联系电话“" + text + "”无法识别" + hint;
	}
}
