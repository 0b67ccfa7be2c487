package org.baosong.screening;

/**
 * NO_REPORT: no document attached and the body (without quotes, signature, disclaimers) too short to be
 * a report. BODY_TOO_LONG: where the profile says long reports go as attachments (Guangzhou 二(四)2).
 */
final class BodyOnlyReport implements ScreeningRule {

	@Override
	public void check(ScreeningContext context, Findings findings) {
		if (!context.reports().isEmpty()) {
			return;
		}
		int chars = BodyText.count(context.ownBody());
		var rules = context.profile().rules();
		if (chars < rules.bodyMinChars()) {
			findings.reject("NO_REPORT", "邮件没有附带文稿，正文只有 " + chars + " 字，不足 " + rules.bodyMinChars()
					+ " 字，看不出是一条信息。请把信息写在正文中或作为附件（Word、WPS、PDF 等）报送。");
		}
		else if (rules.bodyMaxChars() > 0 && chars > rules.bodyMaxChars()) {
			findings.reject("BODY_TOO_LONG", "信息写在正文中共 " + chars + " 字，超过 " + rules.bodyMaxChars()
					+ " 字。篇幅较长的信息请以附件形式报送（正文只写落款）。");
		}
	}
}
