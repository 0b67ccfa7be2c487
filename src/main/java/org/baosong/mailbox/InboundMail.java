package org.baosong.mailbox;

import java.time.Instant;
import java.util.List;

/**
 * One received message as recorded at receipt and updated by processing (spec/intake.md, inbound_mail).
 * A quarantined message an administrator set aside keeps its row: {@code discardedAt}, {@code discardedBy}
 * and {@code discardReason} say who did it, when and why.
 */
public record InboundMail(long id, String mailboxId, Long uidvalidity, Long uid, String uidl, Instant internalDate, long size,
		String sha256, String rawBlob, String messageId, String fromAddr, String subject, Instant receivedAt, InboundStatus status,
		String reasonCodes, Instant processedAt, int attempts, String lastError, Instant discardedAt, String discardedBy,
		String discardReason) {

	/** The reason codes (and, for accepted mail, the flags) in the order processing gave them. */
	public List<String> reasons() {
		return reasonCodes == null || reasonCodes.isBlank() ? List.of() : List.of(reasonCodes.split(","));
	}

	public boolean discarded() {
		return discardedAt != null;
	}

	/** Waiting in quarantine for an administrator: quarantined and not discarded. */
	public boolean inQuarantine() {
		return status == InboundStatus.QUARANTINED && discardedAt == null;
	}
}
