package org.baosong.editorial.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.baosong.common.BaosongProperties;
import org.baosong.editorial.Commissions;
import org.baosong.profile.ProfileCatalog;
import org.baosong.registry.Registry;
import org.baosong.registry.Unit;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The commission pages: the list with how many answered, were late or are missing; one commission
 * with its targets; the form that creates one (and mails its notices); an administrator's close, and
 * an administrator's undo of one target's outcome.
 */
@Controller
class CommissionController {

	private final Commissions commissions;

	private final Registry registry;

	private final ProfileCatalog profiles;

	private final MessageSource messages;

	private final ZoneId zone;

	CommissionController(Commissions commissions, Registry registry, ProfileCatalog profiles, MessageSource messages,
			BaosongProperties baosong) {
		this.commissions = commissions;
		this.registry = registry;
		this.profiles = profiles;
		this.messages = messages;
		this.zone = baosong.timeZone();
	}

	@GetMapping("/commissions")
	String list(Model model) {
		model.addAttribute("commissions", commissions.list());
		model.addAttribute("zone", zone);
		return "commissions/list";
	}

	@GetMapping("/commissions/new")
	String form(Model model) {
		model.addAttribute("units", registry.units().stream().filter(Unit::active).toList());
		model.addAttribute("sequences", registry.sequences());
		return "commissions/new";
	}

	@PostMapping("/commissions")
	String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String topic,
			@RequestParam(required = false) String requirements, @RequestParam(defaultValue = "") String deadline,
			@RequestParam(name = "unit", required = false) List<Long> units,
			@RequestParam(name = "sequence", required = false) List<String> sequences, RedirectAttributes flash, Locale locale) {
		try {
			var request = new Commissions.NewCommission(code, topic, requirements, parse(deadline), units, sequences);
			long id = commissions.create(profiles.jurisdiction().id(), request);
			flash.addFlashAttribute("notice", messages.getMessage("commissions.created", new Object[] { code.strip() }, locale));
			return "redirect:/commissions/" + id;
		}
		catch (Commissions.Refused refused) {
			flash.addFlashAttribute("error", messages.getMessage(refused.key(), null, locale));
			return "redirect:/commissions/new";
		}
	}

	private java.time.Instant parse(String deadline) {
		try {
			return deadline.isBlank() ? null : LocalDateTime.parse(deadline.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null; // refused as "no deadline"
		}
	}

	@GetMapping("/commissions/{id}")
	String page(@PathVariable long id, Model model) {
		var commission = commissions.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no commission " + id));
		model.addAttribute("c", commission);
		model.addAttribute("targets", commissions.targets(id));
		model.addAttribute("zone", zone);
		return "commissions/detail";
	}

	@PostMapping("/commissions/{id}/close")
	String close(@PathVariable long id, RedirectAttributes flash, Locale locale) {
		commissions.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no commission " + id));
		boolean closed = commissions.close(id);
		flash.addFlashAttribute(closed ? "notice" : "error",
				messages.getMessage(closed ? "commissions.closed" : "commissions.already-closed", null, locale));
		return "redirect:/commissions/" + id;
	}

	/** An administrator's undo of one target's outcome, with a reason; an unknown commission or a target of another one is a 404. */
	@PostMapping("/commissions/{id}/targets/{targetId}/undo")
	String undoTarget(@PathVariable long id, @PathVariable long targetId, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes flash, Locale locale) {
		try {
			commissions.undoTarget(id, targetId, reason);
			flash.addFlashAttribute("notice", messages.getMessage("commissions.target.undone", null, locale));
		}
		catch (Commissions.Refused refused) {
			flash.addFlashAttribute("error", messages.getMessage(refused.key(), null, locale));
		}
		catch (IllegalArgumentException unknown) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknown.getMessage());
		}
		return "redirect:/commissions/" + id;
	}
}
