package org.baosong.editorial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Leader instructions (V13) and what they are given on: the item's standing adoptions (SQL in InstructionMapper.xml). */
@Mapper
interface InstructionMapper {

	/** An adoption an instruction can be given on, with its item and issue. */
	record Adoption(long id, long submissionId, String profileId, long unitId, String unitName, long inboundId, String trackingNo, String title,
			String journalName, int issueYear, int issueNo, LocalDate issueDate, String placementKind, String role, Long actId,
			Instant withdrawnAt) {

		boolean standing() {
			return actId != null && withdrawnAt == null;
		}

		String issueLabel() {
			return journalName + " " + issueYear + "年第" + issueNo + "期";
		}
	}

	/** A submission named by a 【反馈:no】 tag. */
	record Tracked(long id, long unitId, String trackingNo) {
	}

	/** Locks the adoption row until the transaction ends (an undo of the adoption waits, and the other way round). */
	Optional<Long> lockAdoption(long id);

	Optional<Adoption> adoption(long id);

	List<Instructions.AdoptionChoice> standingAdoptions(long submissionId);

	void insert(@Param("r") Row row);

	void setAct(@Param("id") long id, @Param("actId") long actId);

	/** Locks the instruction row until the transaction ends: every change of its state is serialized. */
	Optional<Long> lock(long id);

	Optional<Instructions.Instruction> find(long id);

	List<Instructions.Instruction> ofSubmission(long submissionId);

	List<Instructions.Instruction> search(@Param("f") Instructions.Filter filter, @Param("offset") int offset, @Param("limit") int limit);

	long count(@Param("f") Instructions.Filter filter);

	long countInState(String state);

	/** OPEN instructions whose due date is before this day. */
	List<Long> openDue(LocalDate today);

	int overdue(long id);

	void missingAct(@Param("id") long id, @Param("actId") long actId);

	int feedback(@Param("id") long id, @Param("state") String state, @Param("on") LocalDate on, @Param("text") String text,
			@Param("by") String by, @Param("submissionId") Long submissionId, @Param("inboundId") Long inboundId, @Param("now") Instant now,
			@Param("actor") String actor, @Param("actId") long actId);

	int withdraw(@Param("id") long id, @Param("now") Instant now, @Param("actor") String actor);

	Optional<Tracked> tracked(@Param("profileId") String profileId, @Param("trackingNo") String trackingNo);

	/** The OPEN and OVERDUE instructions of a submission, locked. */
	List<Long> lockAwaiting(long submissionId);

	/** An instruction's row as written (MyBatis fills the generated id). */
	final class Row {
		Long id;
		final String profileId;
		final long submissionId;
		final long adoptionId;
		final long unitId;
		final String level;
		final String leaderName;
		final LocalDate givenOn;
		final String text;
		final boolean notifyText;
		final LocalDate feedbackDue;
		final Instant createdAt;
		final String createdBy;

		Row(String profileId, long submissionId, long adoptionId, long unitId, String level, String leaderName, LocalDate givenOn,
				String text, boolean notifyText, LocalDate feedbackDue, Instant createdAt, String createdBy) {
			this.profileId = profileId;
			this.submissionId = submissionId;
			this.adoptionId = adoptionId;
			this.unitId = unitId;
			this.level = level;
			this.leaderName = leaderName;
			this.givenOn = givenOn;
			this.text = text;
			this.notifyText = notifyText;
			this.feedbackDue = feedbackDue;
			this.createdAt = createdAt;
			this.createdBy = createdBy;
		}

		public Long getId() { return id; }
		public void setId(Long id) { this.id = id; }
		public String getProfileId() { return profileId; }
		public long getSubmissionId() { return submissionId; }
		public long getAdoptionId() { return adoptionId; }
		public long getUnitId() { return unitId; }
		public String getLevel() { return level; }
		public String getLeaderName() { return leaderName; }
		public LocalDate getGivenOn() { return givenOn; }
		public String getText() { return text; }
		public boolean isNotifyText() { return notifyText; }
		public LocalDate getFeedbackDue() { return feedbackDue; }
		public Instant getCreatedAt() { return createdAt; }
		public String getCreatedBy() { return createdBy; }
	}
}
