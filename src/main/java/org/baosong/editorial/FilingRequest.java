package org.baosong.editorial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An accepted message, ready to be filed as a submission.
 *
 * @param reportText the report's text (the body for a body-only report, the attachment's text otherwise)
 * @param flags      flags for the editors (URGENT, NEAR_DUPLICATE, ...) with what each means here
 * @param feedbackOf the tracking number of a 【反馈:…】 subject tag: the item whose leader's instruction this reports on
 */
public record FilingRequest(long inboundId, String profileId, String trackingPrefix, long unitId, Long informantId, String sequenceCode,
		String type, String title, String signer, String reporter, String phone, LocalDate reportDate, String reportText,
		String commissionCode, String feedbackOf, Long supersedesId, List<Flag> flags, List<Attachment> attachments, Instant receivedAt, LocalDate receivedOn) {

	/** A flag (URGENT, NEAR_DUPLICATE, CORRECTION ...) and what it means for this submission. */
	public record Flag(String code, String detail) {
	}

	public List<String> flagCodes() {
		return flags.stream().map(Flag::code).distinct().toList();
	}

	/**
	 * @param role             REPORT, PHOTO or SUPPORTING
	 * @param extractionStatus what text extraction found (null for photos)
	 */
	public record Attachment(String role, String filename, String storedName, String contentType, long size, String sha256,
			String extractionStatus, String title, Integer pageCount, Integer charCount, String text) {

		public Attachment {
			title = title != null && title.length() > 300 ? title.substring(0, 300) : title; // the column's width
		}
	}
}
