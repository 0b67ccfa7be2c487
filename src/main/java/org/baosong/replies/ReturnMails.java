package org.baosong.replies;

import org.baosong.editorial.SubmissionReturned;
import org.baosong.mailbox.InboundMessages;
import org.baosong.profile.ProfileCatalog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails an editor's return-for-revision to the unit, inside the transaction that returned the
 * submission (a synchronous listener joins it): the state change and the queued mail commit together.
 * It answers the original mail while its sender still informs for the unit; otherwise it goes to the
 * unit's active informants ({@link UnitRecipients}).
 */
@Component
class ReturnMails {

	private final Replies replies;

	private final InboundMessages inbound;

	private final ProfileCatalog profiles;

	private final UnitRecipients recipients;

	ReturnMails(Replies replies, InboundMessages inbound, ProfileCatalog profiles, UnitRecipients recipients) {
		this.recipients = recipients;
		this.replies = replies;
		this.inbound = inbound;
		this.profiles = profiles;
	}

	@EventListener
	void on(SubmissionReturned returned) {
		var mail = inbound.find(returned.inboundId())
			.orElseThrow(() -> new IllegalStateException("submission " + returned.trackingNo() + " has no inbound message"));
		String office = profiles.officeOf(returned.profileId());
		for (var to : recipients.of(Replies.Original.of(mail), returned.unitId(), "退回修改 " + returned.trackingNo())) {
			replies.returned(to, returned.trackingNo(), returned.title(), returned.unitName(), returned.comment(), office);
		}
	}
}
