package org.baosong.editorial;

import java.time.LocalDate;

/**
 * Published inside the transaction that records a leader's instruction (批示); the replies module queues
 * the instruction notice (批示通知) to the sender of the unit's original report in that same transaction,
 * so the instruction and its notice are committed together or not at all.
 *
 * @param issueLabel   the adoption it was given on, e.g. "穗府信息 2026年第3期"
 * @param levelName    the profile's name of the leader's level, e.g. 市领导批示
 * @param text         the instruction's text when the office chose to tell the unit, else null
 */
public record InstructionRecorded(long instructionId, String profileId, long submissionId, long inboundId, String trackingNo, String title,
		String unitName, String issueLabel, String placementKind, String levelName, String leaderName, LocalDate givenOn, String text,
		LocalDate feedbackDue) {

	/** The exact subject tag the unit's feedback mail starts with. */
	public String feedbackTag() {
		return Instructions.feedbackTag(trackingNo);
	}
}
