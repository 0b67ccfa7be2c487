package org.baosong.replies;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface OutboundMapper {

	/** Inserts unless the (inbound, kind) or dedup key already has a row; returns the rows inserted (0 or 1). */
	int insert(@Param("m") OutboundRow mail);

	long countSince(@Param("to") String to, @Param("kind") String kind, @Param("reasonKey") String reasonKey,
			@Param("since") Instant since);

	int claim(@Param("owner") String owner, @Param("now") Instant now, @Param("until") Instant until, @Param("limit") int limit);

	List<OutboundRow> claimed(@Param("owner") String owner);

	int sent(@Param("id") long id, @Param("owner") String owner, @Param("now") Instant now);

	/** @param doubt true when the relay may have taken the mail all the same (counted in {@code in_doubt}) */
	int failed(@Param("id") long id, @Param("owner") String owner, @Param("error") String error, @Param("finalFailure") boolean finalFailure,
			@Param("retryAt") Instant retryAt, @Param("doubt") boolean doubt);

	/** Stamps a claimed row as being handed to the relay now; 0 when the claim is no longer this owner's. */
	int handing(@Param("id") long id, @Param("owner") String owner, @Param("now") Instant now);

	Optional<Long> idByMessageId(String messageId);

	int bounced(@Param("id") long id, @Param("inboundId") long inboundId);

	List<Outbox.OutboundMail> search(@Param("f") Outbox.Filter filter);

	long count(@Param("f") Outbox.Filter filter);

	Optional<Outbox.OutboundMail> find(long id);

	Optional<Outbox.Body> body(long id);

	List<Outbox.OutboundMail> answersTo(long inboundId);

	long countWithStatus(String status);

	int retry(@Param("id") long id, @Param("now") Instant now);

	final class OutboundRow {
		Long id;
		Long inboundId;
		String kind;
		String dedupKey;
		String toAddr;
		String subject;
		String bodyText;
		String headers;
		String messageId;
		String status;
		int attempts;
		Instant nextAttemptAt;
		Instant createdAt;
		String reasonKey;
		/** False for mail that may go more than once per inbound message (one per adoption): only the dedup key counts. */
		boolean onePerInbound = true;

		public Long getId() { return id; }
		public void setId(Long id) { this.id = id; }
		public Long getInboundId() { return inboundId; }
		public void setInboundId(Long inboundId) { this.inboundId = inboundId; }
		public String getKind() { return kind; }
		public void setKind(String kind) { this.kind = kind; }
		public String getDedupKey() { return dedupKey; }
		public void setDedupKey(String dedupKey) { this.dedupKey = dedupKey; }
		public String getToAddr() { return toAddr; }
		public void setToAddr(String toAddr) { this.toAddr = toAddr; }
		public String getSubject() { return subject; }
		public void setSubject(String subject) { this.subject = subject; }
		public String getBodyText() { return bodyText; }
		public void setBodyText(String bodyText) { this.bodyText = bodyText; }
		public String getHeaders() { return headers; }
		public void setHeaders(String headers) { this.headers = headers; }
		public String getMessageId() { return messageId; }
		public void setMessageId(String messageId) { this.messageId = messageId; }
		public String getStatus() { return status; }
		public void setStatus(String status) { this.status = status; }
		public int getAttempts() { return attempts; }
		public void setAttempts(int attempts) { this.attempts = attempts; }
		public Instant getNextAttemptAt() { return nextAttemptAt; }
		public void setNextAttemptAt(Instant nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
		public Instant getCreatedAt() { return createdAt; }
		public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
		public String getReasonKey() { return reasonKey; }
		public void setReasonKey(String reasonKey) { this.reasonKey = reasonKey; }
		public boolean isOnePerInbound() { return onePerInbound; }
	}
}
