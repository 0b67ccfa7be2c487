package org.baosong.replies;

import org.baosong.editorial.CommissionIssued;
import org.baosong.editorial.CommissionReminderDue;
import org.baosong.profile.ProfileCatalog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails a new commission's notice (约稿通知) to every informant of its target units, inside the
 * transaction that created it (a synchronous listener joins it): the commission and its notices commit
 * together. Likewise the reminders (催报) to the informants of the targets still pending before the
 * deadline, in the transaction that marks them reminded.
 */
@Component
class CommissionNotices {

	private final Replies replies;

	private final ProfileCatalog profiles;

	CommissionNotices(Replies replies, ProfileCatalog profiles) {
		this.replies = replies;
		this.profiles = profiles;
	}

	@EventListener
	void on(CommissionIssued issued) {
		String office = profiles.officeOf(issued.profileId());
		for (var recipient : issued.recipients()) {
			replies.commission(new Replies.CommissionNotice(issued.commissionId(), issued.code(), issued.topic(), issued.requirements(),
					issued.deadline(), recipient.unitName(), recipient.informantName(), recipient.address()), office);
		}
	}

	@EventListener
	void on(CommissionReminderDue due) {
		String office = profiles.officeOf(due.profileId());
		for (var recipient : due.recipients()) {
			replies.commissionReminder(new Replies.CommissionNotice(due.commissionId(), due.code(), due.topic(), due.requirements(),
					due.deadline(), recipient.unitName(), recipient.informantName(), recipient.address()), due.issuedAt(), office);
		}
	}
}
