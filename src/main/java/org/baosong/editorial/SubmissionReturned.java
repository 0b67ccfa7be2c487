package org.baosong.editorial;

/**
 * Published inside the transaction that returns a submission for revision; the replies module
 * queues the mail to the unit in that same transaction (outbox), so the state change and the mail
 * are committed together or not at all.
 */
public record SubmissionReturned(long submissionId, long inboundId, String profileId, String trackingNo, String title, String unitName,
		String comment, String editor, long unitId) {
}
