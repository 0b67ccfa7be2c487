package org.baosong.screening;

import org.baosong.editorial.Submissions;

/**
 * 约稿 and 更正 tags: a 【约稿:code】 must name an open commission of the profile (COMMISSION_UNKNOWN,
 * COMMISSION_CLOSED; a reply after the deadline is accepted and flagged LATE_COMMISSION), a 【更正:no】 a
 * submission of the sender's own unit (CORRECTION_UNKNOWN; accepted ones are flagged CORRECTION). A
 * 【反馈:no】 (feedback on a leader's instruction) is flagged FEEDBACK and never refused: the report is
 * filed like any other, and filing links it to the item's open instructions when it can (ADR 0017).
 */
final class TaggedReplies implements ScreeningRule {

	private final Submissions submissions;

	TaggedReplies(Submissions submissions) {
		this.submissions = submissions;
	}

	@Override
	public void check(ScreeningContext context, Findings findings) {
		var line = context.subject().line();
		if (line == null) {
			return;
		}
		if (line.commissionCode() != null) {
			var commission = submissions.commission(context.profile().id(), line.commissionCode());
			if (commission.isEmpty()) {
				findings.reject("COMMISSION_UNKNOWN", "主题中的约稿编号“" + line.commissionCode() + "”不存在。请核对约稿通知单上的编号。");
			}
			else if (commission.get().closed()) {
				findings.reject("COMMISSION_CLOSED", "约稿“" + commission.get().code() + "”（" + commission.get().topic() + "）已结束，不再接收报送。");
			}
			else if (commission.get().deadline().isBefore(context.mail().date() != null ? context.mail().date() : java.time.Instant.now())) {
				findings.flag("LATE_COMMISSION", "约稿“" + commission.get().code() + "”截止后报送");
			}
		}
		if (line.correctionOf() != null) {
			var sender = context.sender();
			if (sender.isEmpty() || submissions.ofUnit(sender.get().unit().id(), line.correctionOf()).isEmpty()) {
				findings.reject("CORRECTION_UNKNOWN", "主题中要更正的信息编号“" + line.correctionOf() + "”不是你单位报送的信息。请核对回执上的编号。");
			}
			else {
				findings.flag("CORRECTION", "更正 " + line.correctionOf());
			}
		}
		if (line.feedbackOf() != null) {
			findings.flag("FEEDBACK", "反馈 " + line.feedbackOf());
		}
	}
}
