package org.baosong.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.baosong.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of every message received ({@code inbound_mail}) and the durable queue between receipt and
 * processing: processing claims messages with a lease, and each outcome or failure is written fenced on
 * that lease. Stage 1 (the receivers of this module) writes receipts; stage 2 ({@code intake}) the rest.
 */
@Service
public class InboundMessages {

	static final int MAX_SUBJECT = 1000;

	/** The reason code of a message recorded at receipt without its body (over the size limit). */
	public static final String TOO_LARGE = "MESSAGE_TOO_LARGE";

	/** What remains of the subject of a purged (classified) message. */
	public static final String PURGED_SUBJECT = "（含密级标志，内容已删除）";

	private static final String TARGET = "inbound_mail";

	/** Ids per IN list. */
	static final int CHUNK = 500;

	private final InboundMapper mapper;

	private final AuditLog audit;

	private final Clock clock;

	InboundMessages(InboundMapper mapper, AuditLog audit, Clock clock) {
		this.mapper = mapper;
		this.audit = audit;
		this.clock = clock;
	}

	public Optional<InboundMail> find(long id) {
		return mapper.find(id);
	}

	public List<InboundPart> parts(long id) {
		return mapper.parts(id);
	}

	public List<InboundMail> search(InboundFilter filter) {
		return mapper.search(filter);
	}

	public long count(InboundFilter filter) {
		return mapper.count(filter);
	}

	/** Outcome, mailbox, unit and reasons of every message received in [from, to), for the statistics. */
	public List<OutcomeRow> outcomes(Instant from, Instant to) {
		return mapper.outcomes(from, to);
	}

	/**
	 * The messages received in [from, to) from a known unit, not ignored, counted per unit, outcome and
	 * reason codes (as stored: a comma-separated list, or null).
	 */
	public List<IntakeCount> intake(Instant from, Instant to) {
		return mapper.intake(from, to);
	}

	public record IntakeCount(long unitId, InboundStatus status, String reasonCodes, long messages) {
	}

	public record OutcomeRow(Instant receivedAt, String mailboxId, Long unitId, InboundStatus status, String reasonCodes) {
	}

	/** True when another message (other bytes, other row) came with the same Message-ID. */
	public boolean messageIdUsedByAnother(String messageId, long inboundId) {
		return mapper.countOtherWithMessageId(messageId, inboundId) > 0;
	}

	/** Claims up to {@code limit} waiting messages for {@code owner} until the lease runs out; returns their ids. */
	@Transactional
	public List<Long> claim(String owner, int limit, Duration lease) {
		Instant now = clock.instant();
		if (mapper.claim(owner, now, now.plus(lease), limit) == 0) {
			return List.of();
		}
		return mapper.claimed(owner);
	}

	/** Records what parsing found: the decoded header values and the parts. False when the lease was lost. */
	@Transactional
	public boolean recordParsed(long id, String owner, String messageId, String fromAddr, String subject, List<InboundPart> parts) {
		if (mapper.recordParsed(id, owner, cut(messageId, 500), cut(fromAddr, 320), cut(subject, MAX_SUBJECT), clock.instant()) == 0) {
			return false;
		}
		mapper.deleteParts(id);
		parts.forEach(p -> mapper.insertPart(id, p));
		return true;
	}

	/** The outcome of processing. False when the lease was lost (another node owns the message now). */
	@Transactional
	public boolean complete(long id, String owner, InboundStatus status, Collection<String> reasonCodes) {
		return complete(id, owner, status, reasonCodes, null);
	}

	/** The outcome, with the unit the message counts for in the statistics. */
	@Transactional
	public boolean complete(long id, String owner, InboundStatus status, Collection<String> reasonCodes, Long unitId) {
		return mapper.complete(id, owner, status, reasonCodes.isEmpty() ? null : String.join(",", reasonCodes), unitId,
				clock.instant()) > 0;
	}

	/**
	 * Removes a classified message's content from the tables: the decoded subject and the part rows; the raw
	 * blob reference is cleared. Returns the archive blobs the caller must delete (raw message and parts).
	 */
	@Transactional
	public List<String> purge(long id) {
		var shas = new java.util.LinkedHashSet<String>();
		find(id).map(InboundMail::rawBlob).ifPresent(shas::add);
		mapper.parts(id).forEach(p -> {
			if (p.blobRef() != null) {
				shas.add(p.blobRef());
			}
		});
		mapper.deleteParts(id);
		mapper.purge(id, PURGED_SUBJECT);
		return List.copyOf(shas);
	}

	/**
	 * A failed attempt: retried after {@code retryAfter}, or quarantined with {@code reasonCode} when
	 * {@code quarantine}. False when the lease was lost.
	 */
	@Transactional
	public boolean fail(long id, String owner, String error, boolean quarantine, String reasonCode, Duration retryAfter) {
		Instant now = clock.instant();
		return mapper.fail(id, owner, cut(error, 4000), quarantine, reasonCode, now.plus(retryAfter), now) > 0;
	}

	/**
	 * Puts messages back in the queue to be processed again from their archived raw bytes: an administrator's
	 * act, audited. Messages without raw bytes (over-size, purged) and discarded ones are left as they are.
	 * Returns the number put back.
	 */
	@Transactional
	public int reprocess(Collection<Long> ids) {
		int requeued = requeue(ids);
		if (requeued > 0) {
			audit.record("inbound.reprocess", TARGET, ids.size() == 1 ? ids.iterator().next() : null,
					ids.size() == 1 ? null : requeued + " messages: " + ids);
		}
		return requeued;
	}

	/**
	 * Puts every message with this outcome back in the queue (discarded ones excepted), audited as one act.
	 * Returns the ids put back, so that the caller can follow their progress
	 * ({@link InboundCounts#byStatus(Collection)}).
	 */
	@Transactional
	public List<Long> reprocessAll(InboundStatus status) {
		List<Long> ids = mapper.requeueableWithStatus(status);
		int requeued = requeue(ids);
		audit.record("inbound.reprocess-all", TARGET, null, requeued + " " + status + " messages put back into processing");
		return ids;
	}

	/**
	 * Sets a quarantined message aside for good, with the administrator's reason (required), audited. The
	 * row stays in the log, marked discarded. False when the message is not (or no longer) in quarantine.
	 */
	@Transactional
	public boolean discard(long id, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("a discard needs a reason");
		}
		String actor = AuditLog.currentActor();
		if (mapper.discard(id, clock.instant(), cut(actor, 64), cut(reason.strip(), 500)) == 0) {
			return false;
		}
		audit.record("inbound.discard", TARGET, id, reason.strip());
		return true;
	}

	private int requeue(Collection<Long> ids) {
		int requeued = 0;
		for (var chunk : chunks(ids)) {
			requeued += mapper.requeue(chunk);
		}
		return requeued;
	}

	static List<List<Long>> chunks(Collection<Long> ids) {
		var list = List.copyOf(ids);
		var chunks = new ArrayList<List<Long>>();
		for (int i = 0; i < list.size(); i += CHUNK) {
			chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
		}
		return chunks;
	}

	// ---- stage 1, used by this module's receivers ----

	Optional<Long> idByUid(String mailboxId, long uidvalidity, long uid) {
		return mapper.idByUid(mailboxId, uidvalidity, uid);
	}

	Set<String> knownUidls(String mailboxId, Collection<String> uidls) {
		return uidls.isEmpty() ? Set.of() : new HashSet<>(mapper.knownUidls(mailboxId, uidls));
	}

	long cursor(String mailboxId, long uidvalidity) {
		return mapper.cursor(mailboxId, uidvalidity).orElse(0L);
	}

	@Transactional
	void advanceCursor(String mailboxId, long uidvalidity, long uid) {
		mapper.advanceCursor(mailboxId, uidvalidity, uid, clock.instant());
	}

	/**
	 * Records a receipt, or finds the row that already holds the same raw bytes for this mailbox (a
	 * UIDVALIDITY reset, a refetch after a crash): one message, one row.
	 */
	@Transactional
	ReceiptResult record(InboundMapper.Receipt receipt) {
		if (receipt.sha256 != null) {
			Optional<Long> existing = mapper.idBySha(receipt.mailboxId, receipt.sha256);
			if (existing.isPresent()) {
				return new ReceiptResult(existing.get(), false);
			}
		}
		receipt.receivedAt = clock.instant();
		receipt.subject = cut(receipt.subject, MAX_SUBJECT);
		receipt.fromAddr = cut(receipt.fromAddr, 320);
		receipt.messageId = cut(receipt.messageId, 500);
		mapper.insert(receipt);
		return new ReceiptResult(receipt.id, true);
	}

	record ReceiptResult(long id, boolean created) {
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
