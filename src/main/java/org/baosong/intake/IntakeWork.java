package org.baosong.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baosong.mailbox.InboundMail;
import org.baosong.mailbox.InboundStatus;
import org.baosong.mime.ParsedMail;

/**
 * One message travelling through the processing flow: what each step found, and how long each took.
 * {@code leaseOwner} fences every write: if the lease ran out and another node took the message, this
 * node's writes do nothing.
 */
final class IntakeWork {

	final long inboundId;

	final String leaseOwner;

	final long startedNanos = System.nanoTime();

	final Map<String, Long> stepMillis = new LinkedHashMap<>();

	InboundMail inbound;

	ParsedMail parsed;

	InboundStatus outcome;

	org.baosong.profile.JurisdictionProfile profile;

	org.baosong.screening.Screened screened;

	String trackingNo;

	/** Recorded at receipt from RFC822.SIZE, without its body: it is rejected unread. */
	boolean oversize;

	boolean classified() {
		return screened != null && screened.verdict().reasonCodes().contains("CLASSIFIED_MARKING");
	}

	final List<String> reasonCodes = new ArrayList<>();

	/** A bounce's Message-IDs of the mail it returns, read from its returned headers or message (RFC 3464's third part). */
	final List<String> returnedMessageIds = new ArrayList<>();

	IntakeWork(long inboundId, String leaseOwner) {
		this.inboundId = inboundId;
		this.leaseOwner = leaseOwner;
	}

	String timings() {
		var out = new StringBuilder();
		stepMillis.forEach((step, ms) -> out.append(out.isEmpty() ? "" : " ").append(step).append('=').append(ms).append("ms"));
		return out.toString();
	}

	@Override
	public String toString() {
		return "inbound #" + inboundId;
	}
}
