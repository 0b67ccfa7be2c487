package org.baosong.screening;

import org.baosong.mailbox.InboundMessages;

/**
 * MESSAGE_ID_REUSED (a flag): another message with different bytes came with the same Message-ID. A
 * Message-ID alone never proves a duplicate (spec/intake.md), so this only tells the editors.
 */
final class MessageIdReuse implements ScreeningRule {

	private final InboundMessages inbound;

	MessageIdReuse(InboundMessages inbound) {
		this.inbound = inbound;
	}

	@Override
	public void check(ScreeningContext context, Findings findings) {
		String messageId = context.mail().messageId();
		if (messageId != null && inbound.messageIdUsedByAnother(messageId, context.input.inboundId())) {
			findings.flag("MESSAGE_ID_REUSED", "Message-ID " + messageId + " 已用于另一封内容不同的邮件");
		}
	}
}
