package org.baosong.editorial;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import org.baosong.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stream of editorial acts that earn or cost points (ADR 0014): adoption, leader instruction,
 * feedback, upstream adoption, mark, penalty, commission answered/late/missing. Each act is one
 * {@code editorial_act} row written in the transaction of the act itself (with its
 * {@code submission_event} line when it concerns a submission, and its audit line); an undo is a
 * new row that reverses the act, never a deletion. Every new row is announced before it is written
 * ({@link ActRecording}) and after ({@link ActRecorded}), in the same transaction: the score ledger follows
 * the stream that way (scoring depends on editorial, not the other way round).
 */
@Service
public class EditorialActs {

	private final ActMapper mapper;

	private final EditorialMapper editorial;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	EditorialActs(ActMapper mapper, EditorialMapper editorial, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.mapper = mapper;
		this.editorial = editorial;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * One act or reversal.
	 *
	 * @param kind        what happened, e.g. ADOPTED, INSTRUCTION, FEEDBACK, UPSTREAM_ADOPTION, MARK, PENALTY,
	 *                    COMMISSION_ANSWERED, COMMISSION_LATE, COMMISSION_MISSING
	 * @param effectiveOn the day the act counts for (the issue's date, the instruction's date ...)
	 * @param refType     the row the act is about (journal_issue, instruction, commission ...), with refId
	 * @param reversesId  for an undo: the act it reverses
	 * @param attributes  the facts scoring rules match on (journal, placement, level ...); copied to a reversal
	 */
	public record Act(Long id, String profileId, String kind, Instant occurredAt, LocalDate effectiveOn, String actor, long unitId,
			Long submissionId, String refType, Long refId, String detail, Long reversesId, ActAttributes attributes) {

		public Act {
			attributes = attributes == null ? ActAttributes.NONE : attributes;
		}

		public boolean reversal() {
			return reversesId != null;
		}
	}

	/** Records an act without attributes in the caller's transaction; returns its id. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long record(String profileId, String kind, LocalDate effectiveOn, long unitId, Long submissionId, String refType, Long refId,
			String detail) {
		return record(profileId, kind, effectiveOn, unitId, submissionId, refType, refId, detail, ActAttributes.NONE);
	}

	/** Records an act with the facts scoring matches on, in the caller's transaction; returns its id. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long record(String profileId, String kind, LocalDate effectiveOn, long unitId, Long submissionId, String refType, Long refId,
			String detail, ActAttributes attributes) {
		String actor = AuditLog.currentActor();
		Instant now = clock.instant();
		events.publishEvent(new ActRecording(profileId, kind, unitId, submissionId, refType, refId, null));
		var act = new ActRow(profileId, kind, now, effectiveOn, actor, unitId, submissionId, refType, refId, detail, null, attributes);
		mapper.insert(act);
		if (submissionId != null) {
			editorial.insertEvent(submissionId, now, actor, kind, null, null, detail);
		}
		audit.record("ACT_" + kind, refType == null ? "submission" : refType, refId == null ? submissionId : refId, detail);
		events.publishEvent(new ActRecorded(act.id, profileId, kind, unitId, submissionId, refType, refId, null));
		return act.id;
	}

	/**
	 * Reverses an act (an undo): a new row of the same kind pointing at it. An act is reversed at most
	 * once (a unique key says so); reversing a reversal is refused. The act's row is locked and read as
	 * last committed, so two reversals of it run one after the other.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long reverse(long actId, String why) {
		Act original = mapper.lock(actId).orElseThrow(() -> new IllegalArgumentException("no act " + actId));
		if (original.reversal()) {
			throw new IllegalArgumentException("act " + actId + " is itself a reversal");
		}
		if (mapper.reversalOf(actId).isPresent()) {
			throw new IllegalStateException("act " + actId + " is already reversed");
		}
		String actor = AuditLog.currentActor();
		Instant now = clock.instant();
		events.publishEvent(new ActRecording(original.profileId(), original.kind(), original.unitId(), original.submissionId(),
				original.refType(), original.refId(), actId));
		String detail = "撤销 #" + actId + (why == null || why.isBlank() ? "" : "：" + why.strip());
		var act = new ActRow(original.profileId(), original.kind(), now, original.effectiveOn(), actor, original.unitId(),
				original.submissionId(), original.refType(), original.refId(), detail, actId, original.attributes());
		mapper.insert(act);
		if (original.submissionId() != null) {
			editorial.insertEvent(original.submissionId(), now, actor, "UNDO_" + original.kind(), null, null, detail);
		}
		audit.record("UNDO_" + original.kind(), original.refType() == null ? "submission" : original.refType(),
				original.refId() == null ? original.submissionId() : original.refId(), detail);
		events.publishEvent(new ActRecorded(act.id, original.profileId(), original.kind(), original.unitId(), original.submissionId(),
				original.refType(), original.refId(), actId));
		return act.id;
	}

	/** The acts (and reversals) about one row, oldest first. */
	@Transactional(readOnly = true)
	public List<Act> about(String refType, long refId) {
		return mapper.about(refType, refId);
	}

	/** The acts (and reversals) of one submission, oldest first. */
	@Transactional(readOnly = true)
	public List<Act> ofSubmission(long submissionId) {
		return mapper.ofSubmission(submissionId);
	}

	/** The acts of a unit effective in [from, to), oldest first: what scoring reads. */
	@Transactional(readOnly = true)
	public List<Act> ofUnit(long unitId, LocalDate from, LocalDate to) {
		return mapper.ofUnit(unitId, from, to);
	}

	/**
	 * The acts (and reversals) of one submission as last committed, locked (a locking read, not the transaction's
	 * snapshot): for the score ledger, which derives a submission's points after waiting for a concurrent
	 * transaction on the same submission and must see that one's acts.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Act> ofSubmissionLocked(long submissionId) {
		return mapper.ofSubmissionLocked(submissionId);
	}

	/** All acts (and reversals) of a profile, oldest first: what a recompute of the ledger reads. */
	@Transactional(readOnly = true)
	public List<Act> ofProfile(String profileId) {
		return mapper.ofProfile(profileId, null, null);
	}

	/** The acts (and reversals) of a profile effective in [from, to), oldest first: what activity counts read. */
	@Transactional(readOnly = true)
	public List<Act> ofProfile(String profileId, LocalDate from, LocalDate to) {
		return mapper.ofProfile(profileId, from, to);
	}

	/**
	 * The standing acts (neither a reversal nor reversed by a reversal of the same window) of a profile effective
	 * in [from, to), counted per unit, kind and, for adoptions, journal ("?" when an adoption names none); with the
	 * first act's id of each group, so callers can keep the order in which units first acted.
	 */
	@Transactional(readOnly = true)
	public List<ActCount> countsOfProfile(String profileId, LocalDate from, LocalDate to) {
		return mapper.countsOfProfile(profileId, from, to);
	}

	/** How many standing acts of a kind (and journal, for adoptions) a unit has in a window. */
	public record ActCount(long unitId, String kind, String journal, long acts, long firstId) {
	}

	/** One act or reversal. */
	@Transactional(readOnly = true)
	public Optional<Act> find(long actId) {
		return mapper.find(actId);
	}

	/** An act's row as written (MyBatis fills the generated id). */
	static final class ActRow {
		Long id;
		final String profileId;
		final String kind;
		final Instant occurredAt;
		final LocalDate effectiveOn;
		final String actor;
		final long unitId;
		final Long submissionId;
		final String refType;
		final Long refId;
		final String detail;
		final Long reversesId;
		final ActAttributes attributes;

		ActRow(String profileId, String kind, Instant occurredAt, LocalDate effectiveOn, String actor, long unitId, Long submissionId,
				String refType, Long refId, String detail, Long reversesId, ActAttributes attributes) {
			this.profileId = profileId;
			this.kind = kind;
			this.occurredAt = occurredAt;
			this.effectiveOn = effectiveOn;
			this.actor = actor;
			this.unitId = unitId;
			this.submissionId = submissionId;
			this.refType = refType;
			this.refId = refId;
			this.detail = detail;
			this.reversesId = reversesId;
			this.attributes = attributes == null ? ActAttributes.NONE : attributes;
		}

		public Long getId() { return id; }
		public void setId(Long id) { this.id = id; }
		public String getProfileId() { return profileId; }
		public String getKind() { return kind; }
		public Instant getOccurredAt() { return occurredAt; }
		public LocalDate getEffectiveOn() { return effectiveOn; }
		public String getActor() { return actor; }
		public long getUnitId() { return unitId; }
		public Long getSubmissionId() { return submissionId; }
		public String getRefType() { return refType; }
		public Long getRefId() { return refId; }
		public String getDetail() { return detail; }
		public Long getReversesId() { return reversesId; }
		public ActAttributes getAttributes() { return attributes; }
	}

	@Mapper
	interface ActMapper {

		String COLUMNS = "id, profile_id, kind, occurred_at, effective_on, actor, unit_id, submission_id, ref_type, ref_id, detail, reverses_id, attributes";

		@Insert("""
				INSERT INTO editorial_act (profile_id, kind, occurred_at, effective_on, actor, unit_id, submission_id, ref_type, ref_id,
				  detail, reverses_id, attributes)
				VALUES (#{a.profileId}, #{a.kind}, #{a.occurredAt}, #{a.effectiveOn}, #{a.actor}, #{a.unitId}, #{a.submissionId},
				  #{a.refType}, #{a.refId}, #{a.detail}, #{a.reversesId}, #{a.attributes})
				""")
		@Options(useGeneratedKeys = true, keyProperty = "a.id", keyColumn = "id")
		void insert(@Param("a") ActRow act);

		@Select("SELECT " + COLUMNS + " FROM editorial_act WHERE id = #{id}")
		Optional<Act> find(long id);

		/** The act, its row locked: a locking read sees it even when the transaction's snapshot is older than it. */
		@Select("SELECT " + COLUMNS + " FROM editorial_act WHERE id = #{id} FOR UPDATE")
		Optional<Act> lock(long id);

		/** The act's reversal, as last committed (a locking read). */
		@Select("SELECT id FROM editorial_act WHERE reverses_id = #{id} FOR UPDATE")
		Optional<Long> reversalOf(long id);

		@Select("SELECT " + COLUMNS + " FROM editorial_act WHERE ref_type = #{refType} AND ref_id = #{refId} ORDER BY id")
		List<Act> about(@Param("refType") String refType, @Param("refId") long refId);

		@Select("SELECT " + COLUMNS + " FROM editorial_act WHERE submission_id = #{submissionId} ORDER BY id")
		List<Act> ofSubmission(long submissionId);

		@Select("SELECT " + COLUMNS + " FROM editorial_act WHERE submission_id = #{submissionId} ORDER BY id FOR UPDATE")
		List<Act> ofSubmissionLocked(long submissionId);

		/**
		 * Acts by constructor argument in column order, for the reads of many rows: automapping a record by argument
		 * name compares every argument with every column for every row (docs/PERFORMANCE.md, "Bulletins").
		 */
		@ConstructorArgs({ @Arg(column = "id", javaType = Long.class, id = true), @Arg(column = "profile_id", javaType = String.class),
				@Arg(column = "kind", javaType = String.class), @Arg(column = "occurred_at", javaType = Instant.class),
				@Arg(column = "effective_on", javaType = LocalDate.class), @Arg(column = "actor", javaType = String.class),
				@Arg(column = "unit_id", javaType = long.class), @Arg(column = "submission_id", javaType = Long.class),
				@Arg(column = "ref_type", javaType = String.class), @Arg(column = "ref_id", javaType = Long.class),
				@Arg(column = "detail", javaType = String.class), @Arg(column = "reverses_id", javaType = Long.class),
				@Arg(column = "attributes", javaType = ActAttributes.class) })
		@Select("<script>SELECT " + COLUMNS + " FROM editorial_act WHERE profile_id = #{profileId}"
				+ "<if test='from != null'> AND effective_on &gt;= #{from}</if><if test='to != null'> AND effective_on &lt; #{to}</if> ORDER BY id</script>")
		List<Act> ofProfile(@Param("profileId") String profileId, @Param("from") LocalDate from, @Param("to") LocalDate to);

		@ConstructorArgs({ @Arg(column = "unit_id", javaType = long.class), @Arg(column = "kind", javaType = String.class),
				@Arg(column = "journal", javaType = String.class), @Arg(column = "acts", javaType = long.class),
				@Arg(column = "first_id", javaType = long.class) })
		@Select("SELECT a.unit_id, a.kind, CASE WHEN a.kind = 'ADOPTED' THEN COALESCE(JSON_VALUE(a.attributes, '$.journal'), '?') END AS journal,"
				+ " COUNT(*) AS acts, MIN(a.id) AS first_id FROM editorial_act a"
				+ " WHERE a.profile_id = #{profileId} AND a.effective_on >= #{from} AND a.effective_on < #{to} AND a.reverses_id IS NULL"
				+ " AND NOT EXISTS (SELECT 1 FROM editorial_act r WHERE r.reverses_id = a.id AND r.profile_id = #{profileId}"
				+ " AND r.effective_on >= #{from} AND r.effective_on < #{to})"
				+ " GROUP BY a.unit_id, a.kind, journal")
		List<ActCount> countsOfProfile(@Param("profileId") String profileId, @Param("from") LocalDate from, @Param("to") LocalDate to);

		@Select("SELECT " + COLUMNS + " FROM editorial_act WHERE unit_id = #{unitId} AND effective_on >= #{from} AND effective_on < #{to} ORDER BY id")
		List<Act> ofUnit(@Param("unitId") long unitId, @Param("from") LocalDate from, @Param("to") LocalDate to);
	}
}
