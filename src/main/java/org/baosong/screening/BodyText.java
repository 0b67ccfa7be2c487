package org.baosong.screening;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of a mail body the sender wrote for this mail, and its length as an office counts it:
 * quoted replies, forwarded originals, signatures and client disclaimers are cut off; characters are
 * counted without white space (a Chinese office counts 字, not bytes or spaces).
 */
final class BodyText {

	private static final List<Pattern> CUT_MARKERS = List.of(
			Pattern.compile("(?m)^-{2,}\\s*(原始邮件|Original Message|Forwarded message|转发的邮件)\\s*-{2,}.*$", Pattern.CASE_INSENSITIVE),
			Pattern.compile("(?m)^(发件人|From)\\s*[:：].*\\R(.*\\R){0,3}?.*(发送时间|Sent|Date)\\s*[:：]", Pattern.CASE_INSENSITIVE),
			Pattern.compile("(?m)^-- ?$"),
			Pattern.compile("(?m)^(发自我的|Sent from my|从我的).*$"),
			Pattern.compile("(?m)^.*(本邮件及其附件含有|This e-?mail and any attachments|免责声明).*$", Pattern.CASE_INSENSITIVE));

	private BodyText() {
	}

	static String own(String body) {
		if (body == null) {
			return "";
		}
		String text = body.replace("\r\n", "\n");
		int cut = text.length();
		for (Pattern marker : CUT_MARKERS) {
			var m = marker.matcher(text);
			if (m.find() && m.start() < cut) {
				cut = m.start();
			}
		}
		text = text.substring(0, cut);
		var out = new StringBuilder(text.length());
		for (String line : text.split("\n", -1)) {
			if (!line.stripLeading().startsWith(">")) {
				out.append(line).append('\n');
			}
		}
		return out.toString().strip();
	}

	/** Characters without any white space. */
	static int count(String text) {
		return (int) text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)).count();
	}
}
