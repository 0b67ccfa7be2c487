package org.baosong.screening;

import java.time.LocalDate;

import org.baosong.mime.ParsedMail;
import org.baosong.profile.JurisdictionProfile;

/**
 * One message to judge: the parsed mail, the raw message's hash, the profile of the mailbox it came
 * to, and the office's day of receipt (date windows are judged against it).
 */
public record ScreeningInput(long inboundId, String sha256, long sizeBytes, ParsedMail mail, JurisdictionProfile profile,
		LocalDate receivedOn) {
}
