package org.baosong.editorial;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import org.baosong.mailbox.InboundLinks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the inbound mail log shows from this module: the submission each accepted message was filed as. */
@Component
class SubmissionLinks implements InboundLinks {

	private final SubmissionLinkMapper mapper;

	SubmissionLinks(SubmissionLinkMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Filed> submissions(Collection<Long> inboundIds) {
		if (inboundIds.isEmpty()) {
			return Map.of();
		}
		return mapper.ofInbound(inboundIds).stream()
			.collect(Collectors.toMap(Link::inboundId, l -> new Filed(l.submissionId(), l.trackingNo())));
	}

	record Link(long inboundId, long submissionId, String trackingNo) {
	}

	/** One indexed lookup (uk_submission_inbound) per page of the log. */
	@Mapper
	interface SubmissionLinkMapper {

		@Select("""
				<script>
				SELECT inbound_id AS inboundId, id AS submissionId, tracking_no AS trackingNo FROM submission
				WHERE inbound_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
				</script>
				""")
		List<Link> ofInbound(@Param("ids") Collection<Long> ids);
	}
}
