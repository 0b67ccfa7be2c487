package org.baosong.mailbox.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.baosong.common.BaosongProperties;
import org.baosong.common.Page;
import org.baosong.mailbox.InboundFilter;
import org.baosong.mailbox.InboundMail;
import org.baosong.mailbox.InboundMessages;
import org.baosong.mailbox.InboundStatus;
import org.baosong.mailbox.Mailboxes;
import org.baosong.mime.HeaderField;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The inbound mail log pages (administrators): every message received with its outcome, reasons and the
 * submission it became, filtered and paged; one message with its header, parts, reasons explained and the
 * replies sent; the raw message as a download; reprocessing.
 */
@Controller
class InboundLogController {

	/** The header fields the detail page shows first; all of them are one click away. */
	private static final Set<String> SUMMARY_HEADERS = Set.of("from", "sender", "reply-to", "to", "cc", "date", "subject",
			"message-id", "in-reply-to", "return-path", "auto-submitted", "authentication-results", "x-mailer", "user-agent");

	private final InboundMessages inbound;

	private final ArchivedMessages archived;

	private final Linkage linkage;

	private final Mailboxes mailboxes;

	private final MessageSource messages;

	private final ZoneId zone;

	InboundLogController(InboundMessages inbound, ArchivedMessages archived, Linkage linkage, Mailboxes mailboxes,
			MessageSource messages, BaosongProperties properties) {
		this.inbound = inbound;
		this.archived = archived;
		this.linkage = linkage;
		this.mailboxes = mailboxes;
		this.messages = messages;
		this.zone = properties.timeZone();
	}

	/**
	 * The filters of the log, as the form sends them. Dates are office days, both inclusive; {@code discarded}
	 * is {@code yes}, {@code no} or empty (any).
	 */
	record LogQuery(InboundStatus status, String reason, String mailbox, String sender,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			String discarded, Integer page) {

		InboundFilter filter(ZoneId zone) {
			int number = page == null ? 0 : Math.max(0, page);
			Boolean onlyDiscarded = "yes".equals(discarded) ? Boolean.TRUE : "no".equals(discarded) ? Boolean.FALSE : null;
			return new InboundFilter(status, InboundController.blankToNull(reason), InboundController.blankToNull(mailbox),
					from == null ? null : from.atStartOfDay(zone).toInstant(),
					to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), InboundController.blankToNull(sender),
					onlyDiscarded, Page.offset(number, Page.DEFAULT_SIZE), Page.DEFAULT_SIZE);
		}
	}

	@GetMapping("/ops/inbound")
	String log(LogQuery query, Model model) {
		InboundFilter filter = query.filter(zone);
		List<InboundMail> items = inbound.search(filter);
		var page = new Page<>(items, filter.offset() / filter.limit(), filter.limit(), inbound.count(filter));
		model.addAttribute("query", query);
		model.addAttribute("page", page);
		model.addAttribute("filed", linkage.submissions(items.stream().map(InboundMail::id).toList()));
		model.addAttribute("reasonNames", linkage.reasonNames());
		model.addAttribute("statuses", InboundStatus.values());
		model.addAttribute("mailboxIds", mailboxes.all().stream().map(m -> m.id()).toList());
		model.addAttribute("zone", zone.getId());
		return "ops/inbound";
	}

	@GetMapping("/ops/inbound/{id}")
	String detail(@PathVariable long id, Model model) throws IOException {
		InboundMail mail = find(id);
		List<HeaderField> headers = archived.headers(mail);
		model.addAttribute("mail", mail);
		model.addAttribute("summaryHeaders",
				headers.stream().filter(h -> SUMMARY_HEADERS.contains(h.name().toLowerCase(Locale.ROOT))).toList());
		model.addAttribute("headers", headers);
		model.addAttribute("parts", inbound.parts(id));
		model.addAttribute("filed", linkage.submissions(List.of(id)).get(id));
		model.addAttribute("answers", linkage.answers(id));
		model.addAttribute("reasonNames", linkage.reasonNames());
		model.addAttribute("zone", zone.getId());
		return "ops/inbound-detail";
	}

	@GetMapping("/ops/inbound/{id}/raw")
	void raw(@PathVariable long id, HttpServletResponse response) throws IOException {
		archived.download(find(id), response);
	}

	@PostMapping("/ops/inbound/{id}/reprocess")
	String reprocess(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		if (inbound.reprocess(List.of(id)) == 1) {
			redirect.addFlashAttribute("notice", text("ops.inbound.reprocess.done", String.valueOf(id)));
		}
		else {
			redirect.addFlashAttribute("error", text("ops.inbound.reprocess.refused", String.valueOf(id)));
		}
		return "redirect:/ops/inbound/" + id;
	}

	private InboundMail find(long id) {
		return inbound.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no inbound mail " + id));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
