package org.baosong.mailbox;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts over the inbound mail log for the dashboard and the progress of a bulk reprocessing. Each is an
 * indexed count or a range of one index (docs/adr/0012): the dashboard reloads them on every visit.
 */
@Service
@Transactional(readOnly = true)
public class InboundCounts {

	private final InboundMapper mapper;

	InboundCounts(InboundMapper mapper) {
		this.mapper = mapper;
	}

	/** Messages received in [from, to) per outcome (RECEIVED: still waiting); a range of ix_inbound_received. */
	public Map<InboundStatus, Long> byStatus(Instant from, Instant to) {
		var counts = new EnumMap<InboundStatus, Long>(InboundStatus.class);
		for (InboundStatus status : InboundStatus.values()) {
			counts.put(status, 0L);
		}
		mapper.countByStatus(from, to).forEach(c -> counts.put(c.status(), c.count()));
		return counts;
	}

	/** How often each reason code was given to messages with this outcome received in [from, to), most frequent first. */
	public Map<String, Long> reasons(InboundStatus status, Instant from, Instant to) {
		var counts = new HashMap<String, Long>();
		for (var row : mapper.reasonSets(status, from, to)) {
			for (String code : row.reasonCodes().split(",")) {
				counts.merge(code.strip(), row.count(), Long::sum);
			}
		}
		var sorted = new LinkedHashMap<String, Long>();
		counts.entrySet().stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}

	/** Quarantined messages waiting for an administrator (not discarded): ix_inbound_quarantine alone. */
	public long quarantined() {
		return mapper.countQuarantined();
	}

	/** Messages received and waiting for processing, per mailbox, with the time the oldest was received. */
	public Map<String, Backlog> backlog() {
		var backlog = new LinkedHashMap<String, Backlog>();
		mapper.backlog().forEach(b -> backlog.put(b.mailboxId(), b));
		return backlog;
	}

	/** How many of these messages stand at each status now (the progress of a bulk reprocessing). */
	public Map<InboundStatus, Long> byStatus(Collection<Long> ids) {
		var counts = new EnumMap<InboundStatus, Long>(InboundStatus.class);
		for (var chunk : InboundMessages.chunks(ids)) {
			mapper.statusCounts(chunk).forEach(c -> counts.merge(c.status(), c.count(), Long::sum));
		}
		return counts;
	}

	public record Backlog(String mailboxId, long waiting, Instant oldest) {
	}

	record StatusCount(InboundStatus status, long count) {
	}

	record ReasonSet(String reasonCodes, long count) {
	}
}
