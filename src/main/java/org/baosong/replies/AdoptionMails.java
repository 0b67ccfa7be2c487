package org.baosong.replies;

import org.baosong.editorial.AdoptionPublished;
import org.baosong.mailbox.InboundMessages;
import org.baosong.profile.ProfileCatalog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails the 采用反馈 of a published journal issue, one per item, to the sender of the unit's original
 * report (or, when that address no longer informs for the unit, to the unit's informants:
 * {@link UnitRecipients}), inside the transaction that published the issue (a synchronous listener joins it).
 */
@Component
class AdoptionMails {

	private final Replies replies;

	private final InboundMessages inbound;

	private final ProfileCatalog profiles;

	private final UnitRecipients recipients;

	AdoptionMails(Replies replies, InboundMessages inbound, ProfileCatalog profiles, UnitRecipients recipients) {
		this.replies = replies;
		this.inbound = inbound;
		this.profiles = profiles;
		this.recipients = recipients;
	}

	@EventListener
	void on(AdoptionPublished published) {
		String office = profiles.officeOf(published.profileId());
		for (var item : published.items()) {
			var mail = inbound.find(item.inboundId())
				.orElseThrow(() -> new IllegalStateException("submission " + item.trackingNo() + " has no inbound message"));
			for (var to : recipients.of(Replies.Original.of(mail), item.unitId(), "采用反馈 " + item.trackingNo())) {
				replies.adopted(to, item.adoptionId(), item.trackingNo(), item.title(), item.unitName(), published.issueLabel(),
						item.placementKind(), office);
			}
		}
	}
}
