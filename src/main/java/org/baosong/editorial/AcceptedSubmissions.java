package org.baosong.editorial;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of filed (accepted) submissions that the score ledger needs: who sent it, when it arrived, its
 * tracking number and type. Every row of {@code submission} is an accepted report; a recompute of the
 * ledger's quantity rows reads them from here.
 */
@Service
@Transactional(readOnly = true)
public class AcceptedSubmissions {

	/** One accepted submission. */
	public record Accepted(long id, String profileId, long unitId, String trackingNo, String reportType, Instant receivedAt) {
	}

	private final AcceptedMapper mapper;

	AcceptedSubmissions(AcceptedMapper mapper) {
		this.mapper = mapper;
	}

	/** Every accepted submission of a profile, in id order. */
	public List<Accepted> ofProfile(String profileId) {
		return mapper.ofProfile(profileId);
	}

	/** The accepted submissions with these ids (any order; unknown ids are left out). */
	public List<Accepted> byIds(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : mapper.byIds(ids);
	}

	@Mapper
	interface AcceptedMapper {

		String COLUMNS = "id, profile_id, unit_id, tracking_no, report_type, received_at";

		@Select("SELECT " + COLUMNS + " FROM submission WHERE profile_id = #{profileId} ORDER BY id")
		List<Accepted> ofProfile(String profileId);

		@Select("""
				<script>
				SELECT id, profile_id, unit_id, tracking_no, report_type, received_at FROM submission WHERE id IN
				<foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
				</script>
				""")
		List<Accepted> byIds(@Param("ids") Collection<Long> ids);
	}
}
