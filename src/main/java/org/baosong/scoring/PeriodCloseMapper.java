package org.baosong.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface PeriodCloseMapper {

	String COLUMNS = "id, profile_id, period_kind, period_key, period_start, period_end, closed_at, closed_by, close_count, last_closed_at";

	@Insert("""
			INSERT INTO period_close (profile_id, period_kind, period_key, period_start, period_end, closed_at, closed_by, close_count,
			  last_closed_at)
			VALUES (#{c.profileId}, #{c.periodKind}, #{c.periodKey}, #{c.periodStart}, #{c.periodEnd}, #{c.closedAt}, #{c.closedBy}, 1,
			  #{c.closedAt})
			""")
	@Options(useGeneratedKeys = true, keyProperty = "c.id", keyColumn = "id")
	void insert(@Param("c") NewClose close);

	@Select("SELECT " + COLUMNS + " FROM period_close WHERE profile_id = #{profileId} AND period_kind = #{kind} AND period_key = #{key} FOR UPDATE")
	Optional<PeriodClose> lock(@Param("profileId") String profileId, @Param("kind") String kind, @Param("key") String key);

	@Select("SELECT " + COLUMNS + " FROM period_close WHERE profile_id = #{profileId} AND period_kind = #{kind} AND period_key = #{key}")
	Optional<PeriodClose> find(@Param("profileId") String profileId, @Param("kind") String kind, @Param("key") String key);

	@Select("SELECT " + COLUMNS + " FROM period_close WHERE profile_id = #{profileId} ORDER BY period_end, id")
	List<PeriodClose> ofProfile(String profileId);

	@Update("UPDATE period_close SET close_count = close_count + 1, last_closed_at = #{now} WHERE id = #{id}")
	void closedAgain(@Param("id") long id, @Param("now") Instant now);

	/** A close as written (MyBatis fills the generated id). */
	final class NewClose {
		Long id;
		final String profileId;
		final String periodKind;
		final String periodKey;
		final LocalDate periodStart;
		final LocalDate periodEnd;
		final Instant closedAt;
		final String closedBy;

		NewClose(String profileId, String periodKind, String periodKey, LocalDate periodStart, LocalDate periodEnd, Instant closedAt,
				String closedBy) {
			this.profileId = profileId;
			this.periodKind = periodKind;
			this.periodKey = periodKey;
			this.periodStart = periodStart;
			this.periodEnd = periodEnd;
			this.closedAt = closedAt;
			this.closedBy = closedBy;
		}

		public Long getId() { return id; }
		public void setId(Long id) { this.id = id; }
		public String getProfileId() { return profileId; }
		public String getPeriodKind() { return periodKind; }
		public String getPeriodKey() { return periodKey; }
		public LocalDate getPeriodStart() { return periodStart; }
		public LocalDate getPeriodEnd() { return periodEnd; }
		public Instant getClosedAt() { return closedAt; }
		public String getClosedBy() { return closedBy; }
	}
}
