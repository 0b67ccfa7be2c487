package org.baosong.replies;

import org.baosong.editorial.InstructionRecorded;
import org.baosong.mailbox.InboundMessages;
import org.baosong.profile.ProfileCatalog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails the 批示通知 of a leader's instruction to the sender of the unit's original report, inside the
 * transaction that recorded the instruction (a synchronous listener joins it): the instruction and its
 * notice commit together.
 */
@Component
class InstructionNotices {

	private final Replies replies;

	private final InboundMessages inbound;

	private final ProfileCatalog profiles;

	InstructionNotices(Replies replies, InboundMessages inbound, ProfileCatalog profiles) {
		this.replies = replies;
		this.inbound = inbound;
		this.profiles = profiles;
	}

	@EventListener
	void on(InstructionRecorded recorded) {
		var mail = inbound.find(recorded.inboundId())
			.orElseThrow(() -> new IllegalStateException("submission " + recorded.trackingNo() + " has no inbound message"));
		replies.instruction(Replies.Original.of(mail),
				new Replies.InstructionNotice(recorded.instructionId(), recorded.trackingNo(), recorded.title(), recorded.unitName(),
						recorded.issueLabel(), recorded.placementKind(), recorded.levelName(), recorded.leaderName(), recorded.givenOn(),
						recorded.text(), recorded.feedbackDue(), recorded.feedbackTag()),
				profiles.officeOf(recorded.profileId()));
	}
}
