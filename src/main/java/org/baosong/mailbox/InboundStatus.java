package org.baosong.mailbox;

/**
 * Where a received message stands. RECEIVED: durably received, waiting for processing. The four outcomes
 * of spec/submission-rules.md end it.
 */
public enum InboundStatus {
	RECEIVED, ACCEPTED, REJECTED, IGNORED, QUARANTINED
}
