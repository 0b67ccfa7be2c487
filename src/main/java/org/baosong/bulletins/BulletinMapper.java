package org.baosong.bulletins;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code bulletin} table (V21). */
@Mapper
interface BulletinMapper {

	/** A bulletin row, without the snapshot. */
	record Row(long id, String profileId, String periodKind, String periodKey, String sequences, String state, String stage, int progressDone,
			int progressTotal, Instant requestedAt, String requestedBy, Instant generatedAt, String error, Long ledgerLines,
			BigDecimal ledgerPoints, Integer issueYear, Integer issueNo, Long correctsId, Instant publishedAt, String publishedBy,
			String xlsxSha256, String docxSha256, Integer mailsQueued) {
	}

	/** A new bulletin being generated. */
	final class NewRow {

		Long id;

		String profileId;

		String periodKind;

		String periodKey;

		String sequences;

		Instant requestedAt;

		String requestedBy;

		public Long getId() {
			return id;
		}

		public void setId(Long id) {
			this.id = id;
		}

		public String getProfileId() {
			return profileId;
		}

		public String getPeriodKind() {
			return periodKind;
		}

		public String getPeriodKey() {
			return periodKey;
		}

		public String getSequences() {
			return sequences;
		}

		public Instant getRequestedAt() {
			return requestedAt;
		}

		public String getRequestedBy() {
			return requestedBy;
		}
	}

	void insert(NewRow row);

	Optional<Row> find(long id);

	/** Locks the row until the transaction ends (publishing). */
	Optional<Row> lock(long id);

	/** Newest first; a null profile means every profile. */
	List<Row> list(@Param("profileId") String profileId, @Param("offset") int offset, @Param("limit") int limit);

	long count(@Param("profileId") String profileId);

	/** The bulletins of a period and set of sequences in a state, newest first. */
	List<Row> ofPeriod(@Param("profileId") String profileId, @Param("periodKind") String periodKind, @Param("periodKey") String periodKey,
			@Param("sequences") String sequences, @Param("state") String state);

	/** The stored snapshot (a record: MyBatis reads a method returning byte[] as a list of rows). */
	record Snapshot(byte[] snapshot) {
	}

	Snapshot snapshot(long id);

	int progress(@Param("id") long id, @Param("stage") String stage, @Param("done") int done, @Param("total") int total);

	int generated(@Param("id") long id, @Param("snapshot") byte[] snapshot, @Param("sha256") String sha256, @Param("lines") long lines,
			@Param("points") BigDecimal points, @Param("at") Instant at);

	int failed(@Param("id") long id, @Param("error") String error, @Param("at") Instant at);

	/** Gives up generations that have not finished by {@code before} (a node that stopped while generating). */
	int abandon(@Param("before") Instant before, @Param("error") String error, @Param("at") Instant at);

	Integer lastIssueNo(@Param("profileId") String profileId, @Param("year") int year);

	int published(@Param("id") long id, @Param("year") int year, @Param("issueNo") int issueNo, @Param("correctsId") Long correctsId,
			@Param("at") Instant at, @Param("by") String by, @Param("xlsx") String xlsx, @Param("docx") String docx,
			@Param("mails") int mails);
}
