package org.baosong.mailbox;

import java.time.Instant;

/** One received message as recorded at receipt and updated by processing (spec/intake.md, inbound_mail). */
public record InboundMail(long id, String mailboxId, Long uidvalidity, Long uid, String uidl, Instant internalDate, long size,
		String sha256, String rawBlob, String messageId, String fromAddr, String subject, Instant receivedAt, InboundStatus status,
		String reasonCodes, Instant processedAt, int attempts, String lastError) {
}
