package org.baosong.mailbox;

import java.time.Instant;

/** Filters of the inbound mail log; null means "any". {@code sender} matches part of the From address. */
public record InboundFilter(InboundStatus status, String mailboxId, Instant from, Instant to, String sender, int offset, int limit) {
}
