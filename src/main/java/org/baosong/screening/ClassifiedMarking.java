package org.baosong.screening;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLASSIFIED_MARKING: a 密级 marking (绝密/机密/秘密 followed by ★, or after 密级) in the subject, the body,
 * or the first page or page header/footer of any document attachment. Classified information never
 * travels over the internet (Yinchuan 第十条): the message is rejected, purged from the archive, and the
 * administrators are alerted. A document whose text could not be fully read (timeout, failure,
 * encryption, truncation, no text layer) cannot be cleared: the rule fails closed and the message is
 * QUARANTINED for an administrator (docs/adr/0009).
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
		for (var document : context.documents()) {
			if (where != null) {
				break;
			}
			var text = context.extraction(document);
			String name = "附件“" + AttachmentRules.name(document) + "”";
			where = find(name + "首页", text.firstPage());
			if (where == null) {
				where = find(name + "页眉页脚", text.headerFooter());
			}
			if (where == null && !text.complete()) {
				findings.quarantine(unreadCode(text), name + " could not be fully read (" + text.status() + (text.truncated() ? ", truncated" : "")
						+ (text.textLayer() ? "" : ", no text layer") + "): the classified-marking check fails closed " + text.warnings());
				return;
			}
		}
		if (where != null) {
			findings.reject(CODE, where);
		}
	}

	private static String unreadCode(org.baosong.extraction.ExtractedText text) {
		return switch (text.status()) {
			case TIMEOUT -> "EXTRACTION_TIMEOUT";
			case ENCRYPTED -> "ENCRYPTED_ATTACHMENT";
			case UNSUPPORTED -> "UNSUPPORTED_ATTACHMENT";
			default -> "EXTRACTION_FAILED";
		};
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
