package org.baosong.screening;

/** REPLY_OR_FORWARD for a forwarded message attached as message/rfc822: a forward is not a submission. */
final class ForwardedMessage implements ScreeningRule {

	static final String CODE = "REPLY_OR_FORWARD";

	@Override
	public void check(ScreeningContext context, Findings findings) {
		if (!context.mail().nestedMessages().isEmpty()) {
			var nested = context.mail().nestedMessages().get(0);
			findings.reject(CODE, "邮件附带了一封转发的邮件（“" + (nested.subject() == null ? "无主题" : nested.subject())
					+ "”）。转发和回复不作为报送，请新建邮件，按格式填写主题，一封邮件报送一条信息。");
		}
	}
}
