package org.baosong.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.baosong.common.BaosongProperties;
import org.baosong.mailbox.InboundCounts;
import org.baosong.mailbox.InboundStatus;
import org.baosong.mailbox.MailboxStatuses;
import org.baosong.registry.Registry;
import org.baosong.replies.Outbox;
import org.baosong.replies.ReasonNames;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard (工作台), for all staff: intake health per mailbox, today's numbers (today in the office's
 * time zone), today's most frequent rejection reasons, the outbox's failures, the quarantine, and the units
 * per sequence. Every number is an indexed count or a range of one day, so the page stays cheap to reload.
 */
@Controller
class DashboardController {

	static final int TOP_REASONS = 5;

	private final MailboxStatuses mailboxes;

	private final InboundCounts counts;

	private final Outbox outbox;

	private final ReasonNames reasonNames;

	private final Registry registry;

	private final org.baosong.editorial.Queues queues;

	private final org.baosong.editorial.Instructions instructions;

	private final Clock clock;

	private final ZoneId zone;

	DashboardController(MailboxStatuses mailboxes, InboundCounts counts, Outbox outbox, ReasonNames reasonNames, Registry registry, org.baosong.editorial.Queues queues,
			org.baosong.editorial.Instructions instructions, Clock clock, BaosongProperties properties) {
		this.mailboxes = mailboxes;
		this.counts = counts;
		this.outbox = outbox;
		this.reasonNames = reasonNames;
		this.registry = registry;
		this.queues = queues;
		this.instructions = instructions;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	record ReasonCount(String code, String name, long count) {
	}

	@GetMapping("/")
	String dashboard(Model model, org.springframework.security.core.Authentication user) {
		LocalDate today = clock.instant().atZone(zone).toLocalDate();
		Instant from = today.atStartOfDay(zone).toInstant();
		Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
		var received = counts.byStatus(from, to);
		List<ReasonCount> reasons = counts.reasons(InboundStatus.REJECTED, from, to).entrySet().stream()
			.limit(TOP_REASONS)
			.map(e -> new ReasonCount(e.getKey(), reasonNames.name(e.getKey()), e.getValue()))
			.toList();
		model.addAttribute("today", today);
		model.addAttribute("mailboxes", mailboxes.all());
		model.addAttribute("counts", received);
		model.addAttribute("receivedToday", received.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("outcomes", List.of(InboundStatus.ACCEPTED, InboundStatus.REJECTED, InboundStatus.IGNORED,
				InboundStatus.QUARANTINED, InboundStatus.RECEIVED));
		model.addAttribute("topReasons", reasons);
		model.addAttribute("topReasonsLimit", TOP_REASONS);
		model.addAttribute("outboxFailed", outbox.countWithStatus("FAILED"));
		model.addAttribute("outboxPending", outbox.countWithStatus("PENDING"));
		model.addAttribute("quarantined", counts.quarantined());
		model.addAttribute("queueCounts", queues.counts(user == null ? "" : user.getName()));
		model.addAttribute("instructionsOverdue", instructions.countOverdue());
		model.addAttribute("sequences", registry.sequences());
		model.addAttribute("unitCounts", registry.activeUnitsBySequence());
		model.addAttribute("zone", zone.getId());
		return "dashboard";
	}
}
