package org.baosong.editorial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An accepted message, ready to be filed as a submission.
 *
 * @param reportText the report's text (the body for a body-only report, the attachment's text otherwise)
 * @param flags      flag codes for the editors (URGENT, NEAR_DUPLICATE, ...)
 */
public record FilingRequest(long inboundId, String profileId, String trackingPrefix, long unitId, Long informantId, String sequenceCode,
		String type, String title, String signer, String reporter, String phone, LocalDate reportDate, String reportText,
		String commissionCode, Long supersedesId, List<String> flags, List<Attachment> attachments, Instant receivedAt, LocalDate receivedOn) {

	/** @param role REPORT, PHOTO or SUPPORTING */
	public record Attachment(String role, String filename, String storedName, String contentType, long size, String sha256) {
	}
}
