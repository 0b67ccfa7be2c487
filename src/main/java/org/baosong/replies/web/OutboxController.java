package org.baosong.replies.web;

import org.baosong.common.BaosongProperties;
import org.baosong.common.Page;
import org.baosong.replies.Outbox;
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

/** The outbox pages (administrators): every mail queued with its delivery state, one mail as sent, and retry. */
@Controller
class OutboxController {

	private final Outbox outbox;

	private final MessageSource messages;

	private final String zone;

	OutboxController(Outbox outbox, MessageSource messages, BaosongProperties properties) {
		this.outbox = outbox;
		this.messages = messages;
		this.zone = properties.timeZone().getId();
	}

	@GetMapping("/ops/outbox")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String statusFilter = status != null && Outbox.STATUSES.contains(status) ? status : null;
		String kindFilter = kind == null || kind.isBlank() ? null : kind.strip();
		var filter = new Outbox.Filter(statusFilter, kindFilter, Page.offset(page, Page.DEFAULT_SIZE), Page.DEFAULT_SIZE);
		model.addAttribute("page", new Page<>(outbox.search(filter), Math.max(0, page), Page.DEFAULT_SIZE, outbox.count(filter)));
		model.addAttribute("status", statusFilter);
		model.addAttribute("kind", kindFilter);
		model.addAttribute("statuses", Outbox.STATUSES);
		model.addAttribute("kinds", Outbox.KINDS);
		model.addAttribute("failed", outbox.countWithStatus("FAILED"));
		model.addAttribute("zone", zone);
		return "ops/outbox";
	}

	@GetMapping("/ops/outbox/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("mail", outbox.find(id).orElseThrow(() -> notFound(id)));
		model.addAttribute("body", outbox.body(id).orElseThrow(() -> notFound(id)));
		model.addAttribute("zone", zone);
		return "ops/outbox-detail";
	}

	/** {@code detail}: go back to the mail's page rather than to the list. */
	@PostMapping("/ops/outbox/{id}/retry")
	String retry(@PathVariable long id, @RequestParam(defaultValue = "false") boolean detail, RedirectAttributes redirect) {
		outbox.find(id).orElseThrow(() -> notFound(id));
		if (outbox.retry(id)) {
			redirect.addFlashAttribute("notice", text("ops.outbox.retry.done", id));
		}
		else {
			redirect.addFlashAttribute("error", text("ops.outbox.retry.refused", id));
		}
		return detail ? "redirect:/ops/outbox/" + id : "redirect:/ops/outbox";
	}

	private String text(String key, long id) {
		return messages.getMessage(key, new Object[] { String.valueOf(id) }, LocaleContextHolder.getLocale());
	}

	private static ResponseStatusException notFound(long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no outbound mail " + id);
	}
}
