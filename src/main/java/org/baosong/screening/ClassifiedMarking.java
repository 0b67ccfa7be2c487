package org.baosong.screening;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLASSIFIED_MARKING: a 密级 marking (绝密/机密/秘密 followed by ★, or after 密级) in the subject or the body.
 * Classified information never travels over the internet (Yinchuan 第十条): the message is rejected,
 * purged from the archive, and the administrators are alerted. Attachments are checked on their first
 * page once their text is extracted; where it could not be fully read the rule fails closed.
 */
final class ClassifiedMarking implements ScreeningRule {

	static final String CODE = "CLASSIFIED_MARKING";

	static final Pattern MARKING = Pattern.compile("(绝密|机密|秘密)\\s*[★☆*]|密\\s*级\\s*[:：]?\\s*[\\[【(（]?\\s*(绝密|机密|秘密)");

	@Override
	public void check(ScreeningContext context, Findings findings) {
		String where = find("主题", context.mail().subject());
		if (where == null) {
			where = find("正文", context.mail().textBody());
		}
		if (where != null) {
			findings.reject(CODE, where);
		}
	}

	static String find(String place, String text) {
		if (text == null) {
			return null;
		}
		Matcher m = MARKING.matcher(text);
		return m.find() ? place + "中有密级标志“" + m.group().strip() + "”。涉密信息严禁通过互联网邮箱报送，请按保密规定通过机要渠道报送；"
				+ "本邮件及附件已从报送系统中删除。" : null;
	}
}
