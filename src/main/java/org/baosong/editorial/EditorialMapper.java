package org.baosong.editorial;

import java.time.Instant;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface EditorialMapper {

	Optional<Filing.Filed> submissionOfInbound(long inboundId);

	Optional<Submissions.Commission> commission(@Param("profileId") String profileId, @Param("code") String code);

	Optional<Long> submissionOfUnit(@Param("unitId") long unitId, @Param("trackingNo") String trackingNo);

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
		final String flags;
		final Instant now;

		SubmissionRow(FilingRequest r, String trackingNo, String textHash, String flags, Instant now) {
			this.r = r;
			this.trackingNo = trackingNo;
			this.textHash = textHash;
			this.flags = flags.isEmpty() ? null : flags;
			this.now = now;
		}

		public Long getId() { return id; }
		public void setId(Long id) { this.id = id; }
		public FilingRequest getR() { return r; }
		public String getTrackingNo() { return trackingNo; }
		public String getTextHash() { return textHash; }
		public String getFlags() { return flags; }
		public Instant getNow() { return now; }
	}
}
