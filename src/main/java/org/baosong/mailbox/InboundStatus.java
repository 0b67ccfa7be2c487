package org.baosong.mailbox;

/**
 * Where a received message stands. RECEIVED: durably received, waiting for processing. PARSED: parsed
 * and its parts recorded, waiting for the screening rules (an intermediate state until the rules run
 * in the same flow). The four outcomes of spec/submission-rules.md end it.
 */
public enum InboundStatus {
	RECEIVED, PARSED, ACCEPTED, REJECTED, IGNORED, QUARANTINED
}
