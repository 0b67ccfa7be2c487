package org.baosong.replies;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baosong.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox as administrators see it: every mail queued (receipts, rejections, alerts, workflow mail),
 * with its delivery state, filtered and paged; and the retry of a mail that was given up.
 */
@Service
@Transactional(readOnly = true)
public class Outbox {

	/** The delivery states of an outbound mail. SUPPRESSED: deliberately not sent; BOUNCED: a delivery report came back. */
	public static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED", "SUPPRESSED", "BOUNCED");

	/** The kinds of mail this module queues today; workflow features add theirs here. */
	public static final List<String> KINDS = List.of(Replies.RECEIPT, Replies.REJECTION, Replies.RETURN, Replies.ADOPTED, Replies.ALERT,
			Replies.COMMISSION, Replies.COMMISSION_REMINDER, Replies.INSTRUCTION, Replies.BULLETIN);

	private final OutboundMapper mapper;

	private final AuditLog audit;

	private final Clock clock;

	Outbox(OutboundMapper mapper, AuditLog audit, Clock clock) {
		this.mapper = mapper;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One outbound mail as listed; the body is read with {@link #body}.
	 *
	 * @param inDoubt hand-overs to the relay that may have delivered it before it was sent again (ADR 0024)
	 */
	public record OutboundMail(long id, Long inboundId, String kind, String toAddr, String subject, String messageId, String status,
			int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt, Long bouncedBy, int inDoubt) {
	}

	/** The text and extra header lines of a mail, as sent (or to be sent). */
	public record Body(String headers, String bodyText) {
	}

	/** Null status or kind means any. */
	public record Filter(String status, String kind, int offset, int limit) {
	}

	public List<OutboundMail> search(Filter filter) {
		return mapper.search(filter);
	}

	public long count(Filter filter) {
		return mapper.count(filter);
	}

	public Optional<OutboundMail> find(long id) {
		return mapper.find(id);
	}

	public Optional<Body> body(long id) {
		return mapper.body(id);
	}

	/** The mail queued in answer to an inbound message, oldest first. */
	public List<OutboundMail> answersTo(long inboundId) {
		return mapper.answersTo(inboundId);
	}

	/** Mail in this state (an indexed count: ix_outbound_due). */
	public long countWithStatus(String status) {
		return mapper.countWithStatus(status);
	}

	/**
	 * Puts a mail that was given up (FAILED) back in the queue, due now and with a fresh set of attempts
	 * (the relay was probably fixed), audited. False when the mail is not FAILED.
	 */
	@Transactional
	public boolean retry(long id) {
		if (mapper.retry(id, clock.instant()) == 0) {
			return false;
		}
		audit.record("outbox.retry", "outbound_mail", id, null);
		return true;
	}
}
