package org.baosong.screening;

import java.util.regex.Pattern;

/**
 * Flags that do not reject but go with the submission: URGENT (突发/紧急/重大 in the subject) and
 * SOURCE_NOTE (the text names a source: information outside a unit's own remit must, Guangzhou 二(四)5).
 */
final class FlagRules implements ScreeningRule {

	private static final Pattern URGENT = Pattern.compile("突发|紧急|重大|要情");

	private static final Pattern SOURCE = Pattern.compile("转载|来源[:：]|据.{1,12}(报道|消息)");

	@Override
	public void check(ScreeningContext context, Findings findings) {
		String subject = context.mail().subject() == null ? "" : context.mail().subject();
		var urgent = URGENT.matcher(subject);
		if (urgent.find()) {
			findings.flag("URGENT", "主题含“" + urgent.group() + "”");
		}
		var source = SOURCE.matcher(context.ownBody());
		if (source.find()) {
			findings.flag("SOURCE_NOTE", "正文注明来源：“" + source.group() + "”");
		}
	}
}
