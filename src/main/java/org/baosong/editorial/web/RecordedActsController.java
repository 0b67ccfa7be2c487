package org.baosong.editorial.web;

import java.time.LocalDate;
import java.util.Locale;

import org.baosong.editorial.ActRefused;
import org.baosong.editorial.Marks;
import org.baosong.editorial.Penalties;
import org.baosong.editorial.Submissions;
import org.baosong.editorial.UpstreamAdoptions;
import org.baosong.profile.ProfileCatalog;
import org.baosong.registry.Registry;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Upstream adoptions and marks recorded from the submission page, penalties on {@code /penalties}
 * (the list with filters by unit and day, the form, and — for one unit — its upstream adoptions and
 * marks too); an administrator's undo of each, with a reason (ADR 0018).
 */
@Controller
class RecordedActsController {

	private final UpstreamAdoptions upstream;

	private final Marks marks;

	private final Penalties penalties;

	private final Submissions submissions;

	private final Registry registry;

	private final ProfileCatalog profiles;

	private final RecordedActsSection section;

	private final MessageSource messages;

	RecordedActsController(UpstreamAdoptions upstream, Marks marks, Penalties penalties, Submissions submissions, Registry registry,
			ProfileCatalog profiles, RecordedActsSection section, MessageSource messages) {
		this.upstream = upstream;
		this.marks = marks;
		this.penalties = penalties;
		this.submissions = submissions;
		this.registry = registry;
		this.profiles = profiles;
		this.section = section;
		this.messages = messages;
	}

	@PostMapping("/submissions/{id}/upstream-adoptions")
	String recordUpstream(@PathVariable long id, @RequestParam(required = false) String level,
			@RequestParam(defaultValue = "false") boolean withInstruction, @RequestParam(required = false) String journalName,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate adoptedOn,
			@RequestParam(required = false) String note, RedirectAttributes flash, Locale locale) {
		return onSubmission(id, flash, locale, "acts.upstream.recorded",
				() -> upstream.record(id, new UpstreamAdoptions.NewUpstreamAdoption(level, withInstruction, journalName, adoptedOn, note)));
	}

	@PostMapping("/submissions/{id}/upstream-adoptions/{adoptionId}/undo")
	String undoUpstream(@PathVariable long id, @PathVariable long adoptionId, @RequestParam(required = false) String reason,
			RedirectAttributes flash, Locale locale) {
		return onSubmission(id, flash, locale, "acts.undone", () -> upstream.undo(adoptionId, reason));
	}

	@PostMapping("/submissions/{id}/marks")
	String recordMark(@PathVariable long id, @RequestParam(required = false) String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate markedOn,
			@RequestParam(required = false) String note, RedirectAttributes flash, Locale locale) {
		return onSubmission(id, flash, locale, "acts.mark.recorded", () -> marks.record(id, new Marks.NewMark(code, markedOn, note)));
	}

	@PostMapping("/submissions/{id}/marks/{markId}/undo")
	String undoMark(@PathVariable long id, @PathVariable long markId, @RequestParam(required = false) String reason,
			RedirectAttributes flash, Locale locale) {
		return onSubmission(id, flash, locale, "acts.undone", () -> marks.undo(markId, reason));
	}

	@GetMapping("/penalties")
	String penalties(@RequestParam(required = false) Long unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		var terms = profiles.jurisdiction().editorial();
		model.addAttribute("penalties", penalties.search(new Penalties.Filter(unit, from, to)));
		model.addAttribute("units", registry.units());
		model.addAttribute("penaltyTerms", terms.penalties());
		RecordedActsSection.addNames(model, terms);
		model.addAttribute("unit", unit == null ? null : registry.unit(unit).orElse(null));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("today", section.today());
		if (unit != null) {
			model.addAttribute("unitUpstream", upstream.ofUnit(unit));
			model.addAttribute("unitMarks", marks.ofUnit(unit));
		}
		return "editorial/penalties";
	}

	@PostMapping("/penalties")
	String recordPenalty(@RequestParam(required = false) Long unit, @RequestParam(required = false) String trackingNo,
			@RequestParam(required = false) String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate givenOn,
			@RequestParam(required = false) String reason, RedirectAttributes flash, Locale locale) {
		Long submission = null;
		if (trackingNo != null && !trackingNo.isBlank()) {
			var found = submissions.idOf(trackingNo.strip());
			if (found.isEmpty()) {
				flash.addFlashAttribute("error", messages.getMessage("acts.refused.NO_SUCH_SUBMISSION", new Object[] { trackingNo.strip() },
						locale));
				return unit == null ? "redirect:/penalties" : "redirect:/penalties?unit=" + unit;
			}
			submission = found.get();
		}
		try {
			penalties.record(new Penalties.NewPenalty(unit, submission, code, givenOn, reason));
			flash.addFlashAttribute("notice", messages.getMessage("acts.penalty.recorded", null, locale));
		}
		catch (ActRefused refused) {
			flash.addFlashAttribute("error", refusal(refused, locale));
		}
		return unit == null ? "redirect:/penalties" : "redirect:/penalties?unit=" + unit;
	}

	@PostMapping("/penalties/{id}/undo")
	String undoPenalty(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash, Locale locale) {
		try {
			var undone = penalties.undo(id, reason);
			flash.addFlashAttribute("notice", messages.getMessage("acts.undone", null, locale));
			return "redirect:/penalties?unit=" + undone.unitId();
		}
		catch (ActRefused refused) {
			if ("NOT_FOUND".equals(refused.code())) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, refused.getMessage());
			}
			flash.addFlashAttribute("error", refusal(refused, locale));
			return "redirect:/penalties";
		}
	}

	private String onSubmission(long id, RedirectAttributes flash, Locale locale, String done, Runnable act) {
		try {
			act.run();
			flash.addFlashAttribute("notice", messages.getMessage(done, null, locale));
		}
		catch (ActRefused refused) {
			if ("NOT_FOUND".equals(refused.code())) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, refused.getMessage());
			}
			flash.addFlashAttribute("error", refusal(refused, locale));
		}
		return "redirect:/submissions/" + id + "#recorded-acts";
	}

	private String refusal(ActRefused refused, Locale locale) {
		return messages.getMessage("acts.refused." + refused.code(), null, refused.getMessage(), locale);
	}
}
