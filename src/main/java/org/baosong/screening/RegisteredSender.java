package org.baosong.screening;

/**
 * SENDER_UNKNOWN: the From address is not a registered, active informant. Answered (REJECTED) only when
 * a trusted authentication server vouches for the sender; otherwise QUARANTINED without a word: a reply
 * to a forged address would be back-scatter, and an administrator looks at it.
 */
final class RegisteredSender implements ScreeningRule {

	static final String CODE = "SENDER_UNKNOWN";

	@Override
	public void check(ScreeningContext context, Findings findings) {
		if (context.mail().from().isEmpty()) {
			findings.quarantine(CODE, "no From address");
			return;
		}
		String address = context.mail().from().get(0).address();
		var sender = context.sender();
		String detail;
		if (sender.isEmpty()) {
			detail = "发件邮箱 " + address + " 未登记为信息员邮箱。请使用本单位已登记的信息员邮箱报送，或先办理信息员登记（备案）。";
		}
		else if (!sender.get().active()) {
			detail = "发件邮箱 " + address + " 登记的信息员（" + sender.get().informant().name() + "）或其单位已停用。请联系信息处更新登记。";
		}
		else {
			return;
		}
		if (SenderAuthenticity.authenticated(context)) {
			findings.reject(CODE, detail);
		}
		else {
			findings.quarantine(CODE, detail);
		}
	}
}
