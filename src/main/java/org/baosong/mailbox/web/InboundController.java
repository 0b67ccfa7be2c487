package org.baosong.mailbox.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.baosong.common.BaosongProperties;
import org.baosong.mailbox.InboundFilter;
import org.baosong.mailbox.InboundMail;
import org.baosong.mailbox.InboundMessages;
import org.baosong.mailbox.InboundPart;
import org.baosong.mailbox.InboundStatus;
import org.baosong.mime.HeaderField;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The inbound mail log for administrators: every message received, with its outcome and reasons;
 * one message with its decoded header, its parts and a link to the raw .eml; and reprocessing.
 */
@RestController
@Tag(name = "inbound mail log")
@RequestMapping("/api/inbound")
class InboundController {

	private static final int MAX_PAGE = 200;

	private final InboundMessages inbound;

	private final ArchivedMessages archived;

	private final ZoneId zone;

	InboundController(InboundMessages inbound, ArchivedMessages archived, BaosongProperties properties) {
		this.inbound = inbound;
		this.archived = archived;
		this.zone = properties.timeZone();
	}

	record Page(long total, int offset, int limit, List<InboundMail> items) {
	}

	record Detail(InboundMail mail, List<HeaderField> headers, List<InboundPart> parts, String raw) {
	}

	/** Dates are the office's days ({@code baosong.time-zone}); {@code to} is inclusive. */
	@Operation(summary = "Received messages with their outcome, newest first, filtered (administrators)")
	@GetMapping
	Page list(@RequestParam(required = false) InboundStatus status, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String mailbox,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String sender, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "50") int limit) {
		var filter = new InboundFilter(status, blankToNull(reason), blankToNull(mailbox),
				from == null ? null : from.atStartOfDay(zone).toInstant(), to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
				blankToNull(sender), null, Math.max(0, offset), Math.max(1, Math.min(MAX_PAGE, limit)));
		return new Page(inbound.count(filter), filter.offset(), filter.limit(), inbound.search(filter));
	}

	@Operation(summary = "One received message: decoded header, parts, outcome, link to the raw message")
	@GetMapping("/{id}")
	Detail detail(@PathVariable long id) throws IOException {
		InboundMail mail = find(id);
		String rawLink = mail.rawBlob() == null ? null : "/api/inbound/" + id + "/raw";
		return new Detail(mail, archived.headers(mail), inbound.parts(id), rawLink);
	}

	@Operation(summary = "The raw message as received (.eml download)")
	@GetMapping("/{id}/raw")
	void raw(@PathVariable long id, HttpServletResponse response) throws IOException {
		archived.download(find(id), response);
	}

	@Operation(summary = "Put one message back into processing")
	@PostMapping("/{id}/reprocess")
	Map<String, Object> reprocess(@PathVariable long id) {
		find(id);
		int requeued = inbound.reprocess(List.of(id));
		if (requeued == 0) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"inbound mail " + id + " has no raw message to reprocess, or was discarded");
		}
		return Map.of("requeued", requeued);
	}

	/** Every message with this outcome, discarded ones excepted. */
	@Operation(summary = "Put every message with this status back into processing")
	@PostMapping("/reprocess")
	Map<String, Object> reprocessAll(@RequestParam InboundStatus status) {
		return Map.of("requeued", inbound.reprocessAll(status).size(), "status", status);
	}

	private InboundMail find(long id) {
		return inbound.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no inbound mail " + id));
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
