package org.baosong.mailbox.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.baosong.common.BaosongProperties;
import org.baosong.common.Page;
import org.baosong.mailbox.InboundCounts;
import org.baosong.mailbox.InboundFilter;
import org.baosong.mailbox.InboundMail;
import org.baosong.mailbox.InboundMessages;
import org.baosong.mailbox.InboundStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The quarantine (administrators): messages that could not be judged safely, waiting for a person. Each can
 * be reprocessed from its archived bytes or discarded with a reason (it stays in the log, marked); all of
 * them can be reprocessed at once, and the page follows how many are done and how many are left.
 */
@Controller
class QuarantineController {

	static final String PROGRESS = QuarantineController.class.getName() + ".progress";

	/** Seconds between reloads of the progress page while messages are still waiting (HTTP Refresh: no script). */
	static final int REFRESH_SECONDS = 3;

	private final InboundMessages inbound;

	private final InboundCounts counts;

	private final Linkage linkage;

	private final MessageSource messages;

	private final Clock clock;

	private final String zone;

	QuarantineController(InboundMessages inbound, InboundCounts counts, Linkage linkage, MessageSource messages, Clock clock, BaosongProperties properties) {
		this.inbound = inbound;
		this.counts = counts;
		this.linkage = linkage;
		this.messages = messages;
		this.clock = clock;
		this.zone = properties.timeZone().getId();
	}

	/** A bulk reprocessing this user started: when, and the messages it put back. */
	record Progress(Instant startedAt, List<Long> ids) implements Serializable {
	}

	@GetMapping("/ops/quarantine")
	String list(@RequestParam(defaultValue = "0") int page, Model model, HttpSession session) {
		InboundFilter filter = InboundFilter.quarantine(Page.offset(page, Page.DEFAULT_SIZE), Page.DEFAULT_SIZE);
		List<InboundMail> items = inbound.search(filter);
		model.addAttribute("page", new Page<>(items, Math.max(0, page), Page.DEFAULT_SIZE, inbound.count(filter)));
		model.addAttribute("reasonNames", linkage.reasonNames());
		model.addAttribute("zone", zone);
		model.addAttribute("progress", session.getAttribute(PROGRESS));
		return "ops/quarantine";
	}

	@PostMapping("/ops/quarantine/{id}/reprocess")
	String reprocess(@PathVariable long id, RedirectAttributes redirect) {
		if (!find(id).inQuarantine()) {
			redirect.addFlashAttribute("error", text("ops.quarantine.not-in-quarantine", id));
		}
		else if (inbound.reprocess(List.of(id)) == 1) {
			redirect.addFlashAttribute("notice", text("ops.inbound.reprocess.done", id));
		}
		else {
			redirect.addFlashAttribute("error", text("ops.inbound.reprocess.refused", id));
		}
		return "redirect:/ops/quarantine";
	}

	/** {@code detail}: go back to the message's page rather than to the quarantine list. */
	@PostMapping("/ops/quarantine/{id}/discard")
	String discard(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "false") boolean detail, RedirectAttributes redirect) {
		InboundMail mail = find(id);
		if (reason == null || reason.isBlank()) {
			redirect.addFlashAttribute("error", text("ops.quarantine.discard.reason-required", id));
		}
		else if (!mail.inQuarantine() || !inbound.discard(id, reason)) {
			redirect.addFlashAttribute("error", text("ops.quarantine.not-in-quarantine", id));
		}
		else {
			redirect.addFlashAttribute("notice", text("ops.quarantine.discard.done", id));
		}
		return detail ? "redirect:/ops/inbound/" + id : "redirect:/ops/quarantine";
	}

	@PostMapping("/ops/quarantine/reprocess")
	String reprocessAll(HttpSession session) {
		List<Long> ids = inbound.reprocessAll(InboundStatus.QUARANTINED);
		session.setAttribute(PROGRESS, new Progress(clock.instant(), List.copyOf(ids)));
		return "redirect:/ops/quarantine/progress";
	}

	@GetMapping("/ops/quarantine/progress")
	String progress(HttpSession session, Model model, HttpServletResponse response) {
		if (!(session.getAttribute(PROGRESS) instanceof Progress progress)) {
			return "redirect:/ops/quarantine";
		}
		Map<InboundStatus, Long> byStatus = counts.byStatus(progress.ids());
		long left = byStatus.getOrDefault(InboundStatus.RECEIVED, 0L);
		if (left > 0) {
			response.setHeader("Refresh", String.valueOf(REFRESH_SECONDS));
		}
		model.addAttribute("progress", progress);
		model.addAttribute("counts", byStatus);
		model.addAttribute("total", progress.ids().size());
		model.addAttribute("left", left);
		model.addAttribute("done", progress.ids().size() - left);
		model.addAttribute("outcomes", List.of(InboundStatus.ACCEPTED, InboundStatus.REJECTED, InboundStatus.IGNORED,
				InboundStatus.QUARANTINED));
		model.addAttribute("refreshSeconds", REFRESH_SECONDS);
		model.addAttribute("zone", zone);
		return "ops/quarantine-progress";
	}

	private InboundMail find(long id) {
		return inbound.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no inbound mail " + id));
	}

	private String text(String key, long id) {
		return messages.getMessage(key, new Object[] { String.valueOf(id) }, LocaleContextHolder.getLocale());
	}
}
