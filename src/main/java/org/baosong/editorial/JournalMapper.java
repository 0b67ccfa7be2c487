package org.baosong.editorial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Journals, their issues and the adoptions composing them (V10). */
@Mapper
interface JournalMapper {

	String JOURNAL = "id, profile_id, code, name, journal_level AS level, placement_kinds, active, sort_order";

	String ISSUE = """
			i.id, i.journal_id, j.name AS journal_name, j.profile_id, j.placement_kinds, i.issue_year, i.issue_no, i.issue_date, i.state,
			i.created_at, i.created_by, i.published_at, i.published_by""";

	String ITEM = """
			a.id, a.issue_id, a.submission_id, s.tracking_no, s.title, u.name AS unit_name, s.unit_id, s.inbound_id, s.state AS submission_state,
			a.placement_kind, a.role, a.sort_order, a.act_id, a.withdrawn_at, a.withdrawn_by""";

	@Select("SELECT " + JOURNAL + " FROM journal ORDER BY profile_id, sort_order, id")
	List<Journals.Journal> journals();

	@Select("SELECT " + JOURNAL + " FROM journal WHERE id = #{id}")
	Optional<Journals.Journal> journal(long id);

	@Select("SELECT COUNT(*) FROM journal WHERE profile_id = #{profileId} AND code = #{code} AND id <> #{id}")
	long codeTaken(@Param("profileId") String profileId, @Param("code") String code, @Param("id") long id);

	@Insert("""
			INSERT INTO journal (profile_id, code, name, journal_level, placement_kinds, active, sort_order)
			VALUES (#{j.profileId}, #{j.code}, #{j.name}, #{j.level}, #{j.placementKinds}, #{j.active}, #{j.sortOrder})""")
	@Options(useGeneratedKeys = true, keyProperty = "j.id", keyColumn = "id")
	void insertJournal(@Param("j") Journals.JournalRow row);

	@Update("""
			UPDATE journal SET code = #{j.code}, name = #{j.name}, journal_level = #{j.level}, placement_kinds = #{j.placementKinds},
			  active = #{j.active}, sort_order = #{j.sortOrder} WHERE id = #{j.id}""")
	int updateJournal(@Param("j") Journals.JournalRow row);

	@Select("SELECT " + ISSUE + " FROM journal_issue i JOIN journal j ON j.id = i.journal_id WHERE i.journal_id = #{journalId} ORDER BY i.issue_year DESC, i.issue_no DESC")
	List<JournalIssues.Issue> issuesOf(long journalId);

	@Select("SELECT " + ISSUE + " FROM journal_issue i JOIN journal j ON j.id = i.journal_id WHERE i.id = #{id}")
	Optional<JournalIssues.Issue> issue(long id);

	/** Locks the issue row until the transaction ends: composing and publishing an issue are serialized. */
	@Select("SELECT " + ISSUE + " FROM journal_issue i JOIN journal j ON j.id = i.journal_id WHERE i.id = #{id} FOR UPDATE")
	Optional<JournalIssues.Issue> lockIssue(long id);

	@Select("SELECT COALESCE(MAX(issue_no), 0) + 1 FROM journal_issue WHERE journal_id = #{journalId} AND issue_year = #{year}")
	int nextNumber(@Param("journalId") long journalId, @Param("year") int year);

	@Select("SELECT COUNT(*) FROM journal_issue WHERE journal_id = #{journalId} AND issue_year = #{year} AND issue_no = #{number}")
	long numberTaken(@Param("journalId") long journalId, @Param("year") int year, @Param("number") int number);

	@Insert("""
			INSERT INTO journal_issue (journal_id, issue_year, issue_no, issue_date, state, created_at, created_by)
			VALUES (#{journalId}, #{year}, #{number}, #{date}, 'DRAFT', #{now}, #{user})""")
	@Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
	void insertIssue(@Param("key") JournalIssues.Key key, @Param("journalId") long journalId, @Param("year") int year,
			@Param("number") int number, @Param("date") LocalDate date, @Param("now") Instant now, @Param("user") String user);

	@Update("UPDATE journal_issue SET state = 'PUBLISHED', published_at = #{now}, published_by = #{user} WHERE id = #{id} AND state = 'DRAFT'")
	int publishIssue(@Param("id") long id, @Param("now") Instant now, @Param("user") String user);

	@Select("SELECT " + ITEM + " FROM adoption a JOIN submission s ON s.id = a.submission_id JOIN unit u ON u.id = s.unit_id"
			+ " WHERE a.issue_id = #{issueId} ORDER BY a.sort_order, a.id")
	List<JournalIssues.Item> items(long issueId);

	@Select("SELECT " + ITEM + " FROM adoption a JOIN submission s ON s.id = a.submission_id JOIN unit u ON u.id = s.unit_id"
			+ " WHERE a.id = #{id}")
	Optional<JournalIssues.Item> item(long id);

	@Select("SELECT id, state, profile_id FROM submission WHERE tracking_no = #{trackingNo}")
	Optional<Candidate> candidate(String trackingNo);

	record Candidate(long id, String state, String profileId) {
	}

	@Select("SELECT COUNT(*) FROM adoption WHERE issue_id = #{issueId} AND submission_id = #{submissionId}")
	long inIssue(@Param("issueId") long issueId, @Param("submissionId") long submissionId);

	@Select("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM adoption WHERE issue_id = #{issueId}")
	int nextSortOrder(long issueId);

	@Insert("""
			INSERT INTO adoption (submission_id, issue_id, placement_kind, role, sort_order)
			VALUES (#{submissionId}, #{issueId}, #{placementKind}, #{role}, #{sortOrder})""")
	@Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
	void insertAdoption(@Param("key") JournalIssues.Key key, @Param("issueId") long issueId, @Param("submissionId") long submissionId,
			@Param("placementKind") String placementKind, @Param("role") String role, @Param("sortOrder") int sortOrder);

	@Update("UPDATE adoption SET sort_order = #{sortOrder} WHERE id = #{id}")
	void sortAdoption(@Param("id") long id, @Param("sortOrder") int sortOrder);

	@Delete("DELETE FROM adoption WHERE id = #{id} AND act_id IS NULL")
	int deleteAdoption(long id);

	@Update("UPDATE adoption SET act_id = #{actId} WHERE id = #{id}")
	void adoptionAct(@Param("id") long id, @Param("actId") long actId);

	@Update("UPDATE adoption SET withdrawn_at = #{now}, withdrawn_by = #{user} WHERE id = #{id} AND withdrawn_at IS NULL")
	int withdrawAdoption(@Param("id") long id, @Param("now") Instant now, @Param("user") String user);

	/** Published adoptions of a submission that still stand (not withdrawn). */
	@Select("SELECT COUNT(*) FROM adoption WHERE submission_id = #{submissionId} AND act_id IS NOT NULL AND withdrawn_at IS NULL")
	long standingAdoptions(long submissionId);

	/** The current (edited) title and text of each standing or draft item of an issue, in the issue's order (the DOCX export). */
	@Select("""
			SELECT a.id AS adoption_id, s.tracking_no, s.title, s.body_text AS text, u.name AS unit_name, u.short_name AS unit_short_name,
			  a.placement_kind, a.role
			FROM adoption a JOIN submission s ON s.id = a.submission_id JOIN unit u ON u.id = s.unit_id
			WHERE a.issue_id = #{issueId} AND a.withdrawn_at IS NULL ORDER BY a.sort_order, a.id""")
	List<JournalIssues.ItemText> itemTexts(long issueId);
}
