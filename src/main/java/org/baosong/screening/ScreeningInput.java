package org.baosong.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.baosong.mime.ParsedMail;
import org.baosong.profile.JurisdictionProfile;

/**
 * One message to judge: the parsed mail, the raw message's hash, the profile of the mailbox it came
 * to, when the gateway received it and the office's day of receipt (date windows are judged against
 * it). The time of receipt, not the sender's Date: header nor the time of processing, is what counts
 * against a deadline: a message may wait in the backlog or the quarantine.
 */
public record ScreeningInput(long inboundId, String sha256, long sizeBytes, ParsedMail mail, JurisdictionProfile profile,
		LocalDate receivedOn, Instant receivedAt) {

	public ScreeningInput {
		Objects.requireNonNull(receivedAt, "receivedAt");
	}
}
