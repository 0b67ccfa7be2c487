package org.baosong.editorial;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface EditorialMapper {

	Optional<Filing.Filed> submissionOfInbound(long inboundId);

	Optional<Map<String, Object>> submission(long id);

	java.util.List<Map<String, Object>> attachments(long submissionId);

	java.util.List<Map<String, Object>> events(long submissionId);

	Optional<Submissions.Commission> commission(@Param("profileId") String profileId, @Param("code") String code);

	Optional<Long> submissionOfUnit(@Param("unitId") long unitId, @Param("trackingNo") String trackingNo);

	/** Submissions since then whose SimHash has, in some band, one of the values given for it (see {@link SimHashBands}). */
	java.util.List<Similar> simhashCandidates(@Param("band0") java.util.List<Integer> band0, @Param("band1") java.util.List<Integer> band1,
			@Param("band2") java.util.List<Integer> band2, @Param("band3") java.util.List<Integer> band3, @Param("since") Instant since);

	record Similar(long id, String trackingNo, long simhash, Instant receivedAt) {
	}

	Optional<String> duplicateOf(@Param("unitId") long unitId, @Param("textHash") String textHash, @Param("since") Instant since);

	void nextTrackingNumber(@Param("profileId") String profileId, @Param("year") int year);

	long currentTrackingNumber(@Param("profileId") String profileId, @Param("year") int year);

	void insertSubmission(@Param("s") SubmissionRow row);

	void insertEvent(@Param("submissionId") long submissionId, @Param("at") Instant at, @Param("actor") String actor,
			@Param("kind") String kind, @Param("from") String from, @Param("to") String to, @Param("detail") String detail);

	void insertAttachment(@Param("submissionId") long submissionId, @Param("a") FilingRequest.Attachment attachment);

	java.util.List<Queues.QueueItem> queue(@Param("f") Queues.Filter filter, @Param("offset") int offset, @Param("limit") int limit);

	long queueCount(@Param("f") Queues.Filter filter);

	java.util.List<Count> openCounts(@Param("user") String user);

	/** Open submissions of one sequence and state: how many, how many flagged, how many claimed by the user. */
	record Count(String sequenceCode, String state, long urgent, long nearDuplicate, long lateCommission, long mine, long total) {
	}

	/** Locks the row until the transaction ends (state changes are serialized per submission). */
	Optional<Current> lockForChange(long id);

	record Current(long id, String trackingNo, long inboundId, String state, String claimedBy, String type, String title, String text,
			String unitName, String profileId, long unitId) {
	}

	int changeState(@Param("id") long id, @Param("from") String from, @Param("to") String to, @Param("claimedBy") String claimedBy,
			@Param("claimedAt") Instant claimedAt, @Param("note") String note, @Param("now") Instant now);

	void changeContent(@Param("id") long id, @Param("type") String type, @Param("title") String title, @Param("text") String text,
			@Param("now") Instant now);

	void insertVersion(@Param("v") Editing.Version version);

	java.util.List<Editing.Version> versions(long submissionId);

	Optional<Long> idOfTrackingNo(String trackingNo);

	Optional<Long> inboundIdOf(long submissionId);

	java.util.List<Filing.Filed> supersededBy(long id);

	Optional<Submissions.AttachmentFile> attachment(@Param("submissionId") long submissionId, @Param("attachmentId") long attachmentId);

	final class SubmissionRow {
		Long id;
		final FilingRequest r;
		final String trackingNo;
		final String textHash;
		final Long simhash;
		final String flags;
		final String flagNotes;
		final Instant now;

		SubmissionRow(FilingRequest r, String trackingNo, String textHash, Long simhash, String flags, String flagNotes, Instant now) {
			this.r = r;
			this.trackingNo = trackingNo;
			this.textHash = textHash;
			this.simhash = simhash;
			this.flags = flags.isEmpty() ? null : flags;
			this.flagNotes = flagNotes;
			this.now = now;
		}

		public Long getId() { return id; }
		public void setId(Long id) { this.id = id; }
		public FilingRequest getR() { return r; }
		public String getTrackingNo() { return trackingNo; }
		public String getTextHash() { return textHash; }
		public Long getSimhash() { return simhash; }
		public Integer getBand0() { return band(0); }
		public Integer getBand1() { return band(1); }
		public Integer getBand2() { return band(2); }
		public Integer getBand3() { return band(3); }

		private Integer band(int band) {
			return simhash == null ? null : SimHashBands.band(simhash, band);
		}
		public String getFlags() { return flags; }
		public String getFlagNotes() { return flagNotes; }
		public Instant getNow() { return now; }
	}
}
