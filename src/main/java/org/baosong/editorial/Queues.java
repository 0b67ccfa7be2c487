package org.baosong.editorial;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baosong.common.BaosongProperties;
import org.baosong.common.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' queues: submissions auto-filed by the sender's sequence (区县/部门/直报点), type and
 * flags, URGENT first and then the longest waiting; filters by unit, sequence, type, state, date range
 * and flag; counts per queue.
 */
@Service
@Transactional(readOnly = true)
public class Queues {

	private final EditorialMapper mapper;

	private final ZoneId zone;

	Queues(EditorialMapper mapper, BaosongProperties properties) {
		this.mapper = mapper;
		this.zone = properties.timeZone();
	}

	/**
	 * What to list (MyBatis reads a record's components): the state names (empty: every state), the
	 * received-at range as instants (from inclusive, to exclusive), the order.
	 */
	public record Filter(List<String> stateNames, String sequence, Long unitId, String type, String flag, String claimedBy, Instant from,
			Instant to, boolean newestFirst) {

		public Filter {
			stateNames = List.copyOf(stateNames);
			sequence = blankToNull(sequence);
			type = blankToNull(type);
			flag = blankToNull(flag);
			claimedBy = blankToNull(claimedBy);
		}

		private static String blankToNull(String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}
	}

	/** A filter with dates as days in the office's time zone, both inclusive; an empty state set means every state. */
	public Filter filter(Set<SubmissionState> states, String sequence, Long unitId, String type, String flag, String claimedBy,
			LocalDate fromDay, LocalDate toDay, boolean newestFirst) {
		return new Filter(states.stream().map(Enum::name).sorted().toList(), sequence, unitId, type, flag, claimedBy,
				fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
				toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant(), newestFirst);
	}

	public record QueueItem(long id, String trackingNo, long unitId, String unitName, String sequenceCode, String type, String title,
			String state, String flags, String claimedBy, String commissionCode, Instant receivedAt) {

		public List<String> flagList() {
			return flags == null || flags.isBlank() ? List.of() : List.of(flags.split(","));
		}
	}

	public Page<QueueItem> list(Filter filter, int pageNumber, int pageSize) {
		int size = Math.max(1, Math.min(pageSize, 200));
		long total = mapper.queueCount(filter);
		return new Page<>(mapper.queue(filter, Page.offset(pageNumber, size), size), Math.max(0, pageNumber), size, total);
	}

	/** Counts of the open submissions: per sequence and state, flagged ones, and the user's claimed ones. */
	public record Counts(Map<String, Map<String, Long>> bySequenceAndState, Map<String, Long> bySequence, Map<String, Long> byState,
			long urgent, long nearDuplicate, long lateCommission, long mine, long total) {
	}

	public Counts counts(String user) {
		var bySequenceAndState = new LinkedHashMap<String, Map<String, Long>>();
		var bySequence = new LinkedHashMap<String, Long>();
		var byState = new LinkedHashMap<String, Long>();
		SubmissionState.OPEN.forEach(s -> byState.put(s.name(), 0L));
		long urgent = 0, near = 0, late = 0, mine = 0, total = 0;
		for (var c : mapper.openCounts(user)) {
			bySequenceAndState.computeIfAbsent(c.sequenceCode(), k -> new LinkedHashMap<>()).put(c.state(), c.total());
			bySequence.merge(c.sequenceCode(), c.total(), Long::sum);
			byState.merge(c.state(), c.total(), Long::sum);
			urgent += c.urgent();
			near += c.nearDuplicate();
			late += c.lateCommission();
			mine += c.mine();
			total += c.total();
		}
		return new Counts(bySequenceAndState, bySequence, byState, urgent, near, late, mine, total);
	}
}
