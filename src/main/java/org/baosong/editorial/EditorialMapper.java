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

	java.util.List<Similar> simhashesSince(@Param("since") Instant since);

	record Similar(String trackingNo, long simhash, long unitId) {
	}

	Optional<String> duplicateOf(@Param("unitId") long unitId, @Param("textHash") String textHash, @Param("since") Instant since);

	void nextTrackingNumber(@Param("profileId") String profileId, @Param("year") int year);

	long currentTrackingNumber(@Param("profileId") String profileId, @Param("year") int year);

	void insertSubmission(@Param("s") SubmissionRow row);

	void insertEvent(@Param("submissionId") long submissionId, @Param("at") Instant at, @Param("actor") String actor,
			@Param("kind") String kind, @Param("from") String from, @Param("to") String to, @Param("detail") String detail);

	void insertAttachment(@Param("submissionId") long submissionId, @Param("a") FilingRequest.Attachment attachment);

	final class SubmissionRow {
		Long id;
		final FilingRequest r;
		final String trackingNo;
		final String textHash;
		final Long simhash;
		final String flags;
		final Instant now;

		SubmissionRow(FilingRequest r, String trackingNo, String textHash, Long simhash, String flags, Instant now) {
			this.r = r;
			this.trackingNo = trackingNo;
			this.textHash = textHash;
			this.simhash = simhash;
			this.flags = flags.isEmpty() ? null : flags;
			this.now = now;
		}

		public Long getId() { return id; }
		public void setId(Long id) { this.id = id; }
		public FilingRequest getR() { return r; }
		public String getTrackingNo() { return trackingNo; }
		public String getTextHash() { return textHash; }
		public Long getSimhash() { return simhash; }
		public String getFlags() { return flags; }
		public Instant getNow() { return now; }
	}
}
