package org.baosong.mailbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface InboundMapper {

	Optional<Long> idByUid(@Param("mailboxId") String mailboxId, @Param("uidvalidity") long uidvalidity, @Param("uid") long uid);

	Optional<Long> idBySha(@Param("mailboxId") String mailboxId, @Param("sha256") String sha256);

	List<String> knownUidls(@Param("mailboxId") String mailboxId, @Param("uidls") Collection<String> uidls);

	void insert(@Param("r") Receipt receipt);

	Optional<Long> cursor(@Param("mailboxId") String mailboxId, @Param("uidvalidity") long uidvalidity);

	void advanceCursor(@Param("mailboxId") String mailboxId, @Param("uidvalidity") long uidvalidity, @Param("uid") long uid,
			@Param("now") Instant now);

	Optional<InboundMail> find(long id);

	List<InboundMessages.OutcomeRow> outcomes(@Param("from") Instant from, @Param("to") Instant to);

	List<InboundMessages.IntakeCount> intake(@Param("from") Instant from, @Param("to") Instant to);

	long countOtherWithMessageId(@Param("messageId") String messageId, @Param("id") long id);

	List<InboundMail> search(@Param("f") InboundFilter filter);

	long count(@Param("f") InboundFilter filter);

	int claim(@Param("owner") String owner, @Param("now") Instant now, @Param("until") Instant until, @Param("limit") int limit);

	List<Long> claimed(@Param("owner") String owner);

	int recordParsed(@Param("id") long id, @Param("owner") String owner, @Param("messageId") String messageId,
			@Param("fromAddr") String fromAddr, @Param("subject") String subject, @Param("now") Instant now);

	int complete(@Param("id") long id, @Param("owner") String owner, @Param("status") InboundStatus status,
			@Param("reasons") String reasons, @Param("unitId") Long unitId, @Param("now") Instant now);

	void purge(@Param("id") long id, @Param("subject") String subject);

	int fail(@Param("id") long id, @Param("owner") String owner, @Param("error") String error, @Param("quarantine") boolean quarantine,
			@Param("reason") String reason, @Param("retryAt") Instant retryAt, @Param("now") Instant now);

	int requeue(@Param("ids") Collection<Long> ids);

	List<Long> requeueableWithStatus(@Param("status") InboundStatus status);

	int discard(@Param("id") long id, @Param("now") Instant now, @Param("by") String by, @Param("reason") String reason);

	List<InboundCounts.StatusCount> statusCounts(@Param("ids") Collection<Long> ids);

	List<InboundCounts.StatusCount> countByStatus(@Param("from") Instant from, @Param("to") Instant to);

	List<InboundCounts.ReasonSet> reasonSets(@Param("status") InboundStatus status, @Param("from") Instant from, @Param("to") Instant to);

	long countQuarantined();

	List<InboundCounts.Backlog> backlog();

	void deleteParts(long inboundId);

	void insertPart(@Param("inboundId") long inboundId, @Param("p") InboundPart part);

	List<InboundPart> parts(long inboundId);

	/** Mutable row for the receipt insert (MyBatis fills in the id). */
	final class Receipt {
		Long id;
		String mailboxId;
		Long uidvalidity;
		Long uid;
		String uidl;
		Instant internalDate;
		long size;
		String sha256;
		String rawBlob;
		String messageId;
		String fromAddr;
		String subject;
		Instant receivedAt;
		InboundStatus status;
		String reasonCodes;

		public Long getId() { return id; }
		public void setId(Long id) { this.id = id; }
		public String getMailboxId() { return mailboxId; }
		public Long getUidvalidity() { return uidvalidity; }
		public Long getUid() { return uid; }
		public String getUidl() { return uidl; }
		public Instant getInternalDate() { return internalDate; }
		public long getSize() { return size; }
		public String getSha256() { return sha256; }
		public String getRawBlob() { return rawBlob; }
		public String getMessageId() { return messageId; }
		public String getFromAddr() { return fromAddr; }
		public String getSubject() { return subject; }
		public Instant getReceivedAt() { return receivedAt; }
		public InboundStatus getStatus() { return status; }
		public String getReasonCodes() { return reasonCodes; }
	}
}
