package org.baosong.replies;

import org.baosong.editorial.SubmissionReturned;
import org.baosong.mailbox.InboundMessages;
import org.baosong.profile.ProfileCatalog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails an editor's return-for-revision to the unit, inside the transaction that returned the
 * submission (a synchronous listener joins it): the state change and the queued mail commit together.
 */
@Component
class ReturnMails {

	private final Replies replies;

	private final InboundMessages inbound;

	private final ProfileCatalog profiles;

	ReturnMails(Replies replies, InboundMessages inbound, ProfileCatalog profiles) {
		this.replies = replies;
		this.inbound = inbound;
		this.profiles = profiles;
	}

	@EventListener
	void on(SubmissionReturned returned) {
		var mail = inbound.find(returned.inboundId())
			.orElseThrow(() -> new IllegalStateException("submission " + returned.trackingNo() + " has no inbound message"));
		var original = Replies.Original.of(mail);
		String office = profiles.officeOf(returned.profileId());
		replies.returned(original, returned.trackingNo(), returned.title(), returned.unitName(), returned.comment(), office);
	}
}
