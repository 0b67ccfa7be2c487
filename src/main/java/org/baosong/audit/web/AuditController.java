package org.baosong.audit.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.baosong.audit.AuditLog;
import org.baosong.common.BaosongProperties;
import org.baosong.common.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for administrators: newest first, filtered by actor, action and target, a page at a time. */
@Controller
class AuditController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final AuditLog audit;

	private final ZoneId zone;

	AuditController(AuditLog audit, BaosongProperties properties) {
		this.audit = audit;
		this.zone = properties.timeZone();
	}

	/** One line as the page shows it, the time in the office's zone. */
	record Line(String time, String actor, String action, String targetType, String targetId, String detail, String remoteAddr) {
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var filter = new AuditLog.AuditFilter(actor, action, targetType, targetId);
		Page<AuditLog.AuditEntry> entries = audit.search(filter, page, Page.DEFAULT_SIZE);
		model.addAttribute("filter", filter);
		model.addAttribute("lines", entries.items().stream()
			.map(e -> new Line(TIME.format(e.occurredAt().atZone(zone)), e.actor(), e.action(), e.targetType(), e.targetId(),
					e.detail(), e.remoteAddr()))
			.toList());
		model.addAttribute("page", entries);
		model.addAttribute("actions", audit.actions());
		model.addAttribute("targetTypes", audit.targetTypes());
		return "audit";
	}
}
