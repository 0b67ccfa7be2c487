package org.baosong.replies;

import java.util.List;
import java.util.Map;

import org.baosong.mailbox.InboundLinks;
import org.springframework.stereotype.Component;

/** What the inbound mail log shows from this module: the mail sent in answer to a message, and the reason names. */
@Component
class ReplyLinks implements InboundLinks {

	private final Outbox outbox;

	private final ReasonNames names;

	ReplyLinks(Outbox outbox, ReasonNames names) {
		this.outbox = outbox;
		this.names = names;
	}

	@Override
	public List<Answer> answers(long inboundId) {
		return outbox.answersTo(inboundId).stream()
			.map(m -> new Answer(m.id(), m.kind(), m.toAddr(), m.subject(), m.status(), m.createdAt(), m.sentAt()))
			.toList();
	}

	@Override
	public Map<String, String> reasonNames() {
		return names.all();
	}
}
