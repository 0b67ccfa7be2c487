package org.baosong.editorial;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The rows of upstream adoptions, marks and penalties (V14); each points at its editorial act. */
@Mapper
interface RecordedActMapper {

	/** The submission an act is recorded on, locked until the transaction ends. */
	record Subject(long id, String trackingNo, String profileId, long unitId, String unitName, String state) {
	}

	/** A generated key holder. */
	final class Key {
		Long id;

		public Long getId() { return id; }
		public void setId(Long id) { this.id = id; }
	}

	@Select("""
			SELECT s.id AS id, s.tracking_no AS tracking_no, s.profile_id AS profile_id, s.unit_id AS unit_id, u.name AS unit_name,
			  s.state AS state
			FROM submission s JOIN unit u ON u.id = s.unit_id WHERE s.id = #{id} FOR UPDATE""")
	Optional<Subject> lockSubmission(long id);

	// upstream adoptions

	String UPSTREAM = """
			SELECT a.id, a.profile_id, a.submission_id, s.tracking_no, s.title, a.unit_id, u.name AS unit_name, a.upstream_level AS level,
			  a.with_instruction, a.journal_name, a.adopted_on, a.note, a.act_id, a.created_at, a.created_by, a.withdrawn_at, a.withdrawn_by,
			  a.withdrawn_reason
			FROM upstream_adoption a JOIN submission s ON s.id = a.submission_id JOIN unit u ON u.id = a.unit_id
			""";

	@Insert("""
			INSERT INTO upstream_adoption (profile_id, submission_id, unit_id, upstream_level, with_instruction, journal_name, adopted_on,
			  note, created_at, created_by)
			VALUES (#{s.profileId}, #{s.id}, #{s.unitId}, #{a.level}, #{a.withInstruction}, #{a.journalName}, #{a.adoptedOn}, #{a.note},
			  #{at}, #{by})""")
	@Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
	void insertUpstream(@Param("key") Key key, @Param("s") Subject submission, @Param("a") UpstreamAdoptions.NewUpstreamAdoption adoption,
			@Param("at") Instant at, @Param("by") String by);

	@Update("UPDATE upstream_adoption SET act_id = #{actId} WHERE id = #{id}")
	void upstreamAct(@Param("id") long id, @Param("actId") long actId);

	@Select("SELECT COUNT(*) FROM upstream_adoption WHERE submission_id = #{submissionId} AND upstream_level = #{level} AND withdrawn_at IS NULL")
	long standingUpstream(@Param("submissionId") long submissionId, @Param("level") String level);

	@Select(UPSTREAM + " WHERE a.id = #{id} FOR UPDATE")
	Optional<UpstreamAdoptions.Entry> lockUpstream(long id);

	@Select(UPSTREAM + " WHERE a.submission_id = #{submissionId} ORDER BY a.adopted_on, a.id")
	List<UpstreamAdoptions.Entry> upstreamOfSubmission(long submissionId);

	@Select(UPSTREAM + " WHERE a.unit_id = #{unitId} ORDER BY a.adopted_on DESC, a.id DESC")
	List<UpstreamAdoptions.Entry> upstreamOfUnit(long unitId);

	@Update("""
			UPDATE upstream_adoption SET withdrawn_at = #{at}, withdrawn_by = #{by}, withdrawn_reason = #{reason}
			WHERE id = #{id} AND withdrawn_at IS NULL AND act_id IS NOT NULL""")
	int withdrawUpstream(@Param("id") long id, @Param("at") Instant at, @Param("by") String by, @Param("reason") String reason);

	// marks

	String MARK = """
			SELECT m.id, m.profile_id, m.submission_id, s.tracking_no, s.title, m.unit_id, u.name AS unit_name, m.code, m.marked_on, m.note,
			  m.act_id, m.created_at, m.created_by, m.withdrawn_at, m.withdrawn_by, m.withdrawn_reason
			FROM editorial_mark m JOIN submission s ON s.id = m.submission_id JOIN unit u ON u.id = m.unit_id
			""";

	@Insert("""
			INSERT INTO editorial_mark (profile_id, submission_id, unit_id, code, marked_on, note, created_at, created_by)
			VALUES (#{s.profileId}, #{s.id}, #{s.unitId}, #{m.code}, #{m.markedOn}, #{m.note}, #{at}, #{by})""")
	@Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
	void insertMark(@Param("key") Key key, @Param("s") Subject submission, @Param("m") Marks.NewMark mark, @Param("at") Instant at,
			@Param("by") String by);

	@Update("UPDATE editorial_mark SET act_id = #{actId} WHERE id = #{id}")
	void markAct(@Param("id") long id, @Param("actId") long actId);

	@Select("SELECT COUNT(*) FROM editorial_mark WHERE submission_id = #{submissionId} AND code = #{code} AND withdrawn_at IS NULL")
	long standingMarks(@Param("submissionId") long submissionId, @Param("code") String code);

	@Select(MARK + " WHERE m.id = #{id} FOR UPDATE")
	Optional<Marks.Entry> lockMark(long id);

	@Select(MARK + " WHERE m.submission_id = #{submissionId} ORDER BY m.marked_on, m.id")
	List<Marks.Entry> marksOfSubmission(long submissionId);

	@Select(MARK + " WHERE m.unit_id = #{unitId} ORDER BY m.marked_on DESC, m.id DESC")
	List<Marks.Entry> marksOfUnit(long unitId);

	@Update("""
			UPDATE editorial_mark SET withdrawn_at = #{at}, withdrawn_by = #{by}, withdrawn_reason = #{reason}
			WHERE id = #{id} AND withdrawn_at IS NULL AND act_id IS NOT NULL""")
	int withdrawMark(@Param("id") long id, @Param("at") Instant at, @Param("by") String by, @Param("reason") String reason);

	// penalties

	String PENALTY = """
			SELECT p.id, p.profile_id, p.unit_id, u.name AS unit_name, p.submission_id, s.tracking_no, p.code, p.given_on, p.reason, p.act_id,
			  p.created_at, p.created_by, p.withdrawn_at, p.withdrawn_by, p.withdrawn_reason
			FROM penalty p JOIN unit u ON u.id = p.unit_id LEFT JOIN submission s ON s.id = p.submission_id
			""";

	@Insert("""
			INSERT INTO penalty (profile_id, unit_id, submission_id, code, given_on, reason, created_at, created_by)
			VALUES (#{profileId}, #{unitId}, #{submissionId}, #{p.code}, #{p.givenOn}, #{p.reason}, #{at}, #{by})""")
	@Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
	void insertPenalty(@Param("key") Key key, @Param("profileId") String profileId, @Param("unitId") long unitId,
			@Param("submissionId") Long submissionId, @Param("p") Penalties.NewPenalty penalty, @Param("at") Instant at,
			@Param("by") String by);

	@Update("UPDATE penalty SET act_id = #{actId} WHERE id = #{id}")
	void penaltyAct(@Param("id") long id, @Param("actId") long actId);

	@Select(PENALTY + " WHERE p.id = #{id}")
	Optional<Penalties.Entry> penalty(long id);

	@Select(PENALTY + " WHERE p.id = #{id} FOR UPDATE")
	Optional<Penalties.Entry> lockPenalty(long id);

	@Select("""
			<script>""" + PENALTY + """
			<where>
			  <if test="f.unitId != null">p.unit_id = #{f.unitId}</if>
			  <if test="f.from != null">AND p.given_on &gt;= #{f.from}</if>
			  <if test="f.to != null">AND p.given_on &lt;= #{f.to}</if>
			</where>
			ORDER BY p.given_on DESC, p.id DESC LIMIT #{limit}
			</script>""")
	List<Penalties.Entry> penalties(@Param("f") Penalties.Filter filter, @Param("limit") int limit);

	@Select(PENALTY + " WHERE p.submission_id = #{submissionId} ORDER BY p.given_on, p.id")
	List<Penalties.Entry> penaltiesOfSubmission(long submissionId);

	@Update("""
			UPDATE penalty SET withdrawn_at = #{at}, withdrawn_by = #{by}, withdrawn_reason = #{reason}
			WHERE id = #{id} AND withdrawn_at IS NULL AND act_id IS NOT NULL""")
	int withdrawPenalty(@Param("id") long id, @Param("at") Instant at, @Param("by") String by, @Param("reason") String reason);
}
