package org.baosong.editorial.web;

import java.time.LocalDate;
import java.util.Locale;

import org.baosong.common.Page;
import org.baosong.editorial.InstructionFeedback;
import org.baosong.editorial.Instructions;
import org.baosong.profile.ProfileCatalog;
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
 * Leader instructions (批示): the list of all instructions with their feedback (awaiting first), and the
 * acts of the instructions section of the submission page: record one, record the unit's feedback, an
 * administrator's undo. Each act returns to the submission page.
 */
@Controller
class InstructionController {

	private final Instructions instructions;

	private final InstructionFeedback feedback;

	private final ProfileCatalog profiles;

	private final MessageSource messages;

	InstructionController(Instructions instructions, InstructionFeedback feedback, ProfileCatalog profiles, MessageSource messages) {
		this.instructions = instructions;
		this.feedback = feedback;
		this.profiles = profiles;
		this.messages = messages;
	}

	@GetMapping("/instructions")
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) String level,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var filter = filter(state, null, level, from, to);
		model.addAttribute("page", instructions.search(filter, page, Page.DEFAULT_SIZE));
		model.addAttribute("filter", filter);
		model.addAttribute("states", Instructions.STATES);
		model.addAttribute("levels", profiles.jurisdiction().editorial().instructionLevels());
		return "instructions/list";
	}

	/** Unknown states and levels read as "any", like the other list pages' filters. */
	static Instructions.Filter filter(String state, Long unit, String level, LocalDate from, LocalDate to) {
		return new Instructions.Filter(state != null && Instructions.STATES.contains(state) ? state : null, unit,
				level == null || level.isBlank() ? null : level.strip(), from, to);
	}

	@PostMapping("/submissions/{id}/instructions")
	String record(@PathVariable long id, @RequestParam(defaultValue = "0") long adoption, @RequestParam(required = false) String level,
			@RequestParam(required = false) String leader,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate givenOn,
			@RequestParam(required = false) String text,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate feedbackDue,
			@RequestParam(defaultValue = "false") boolean notifyText, RedirectAttributes flash, Locale locale) {
		return act(id, flash, locale, "recorded",
				() -> instructions.record(id, new Instructions.NewInstruction(adoption, level, leader, givenOn, text, feedbackDue, notifyText)));
	}

	@PostMapping("/instructions/{id}/feedback")
	String feedback(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String text, RedirectAttributes flash, Locale locale) {
		return act(submissionOf(id), flash, locale, "feedback", () -> feedback.record(id, on, text));
	}

	@PostMapping("/instructions/{id}/undo")
	String undo(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash, Locale locale) {
		return act(submissionOf(id), flash, locale, "undone", () -> instructions.undo(id, reason));
	}

	private long submissionOf(long instructionId) {
		return instructions.find(instructionId).map(Instructions.Instruction::submissionId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no instruction " + instructionId));
	}

	private String act(long submissionId, RedirectAttributes flash, Locale locale, String done, Runnable act) {
		try {
			act.run();
			flash.addFlashAttribute("notice", messages.getMessage("instructions.done." + done, null, locale));
		}
		catch (Instructions.Refused refused) {
			if ("NOT_FOUND".equals(refused.code())) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, refused.getMessage());
			}
			flash.addFlashAttribute("error", messages.getMessage("instructions.refused." + refused.code(), null, refused.getMessage(), locale));
		}
		return "redirect:/submissions/" + submissionId + "#instructions";
	}
}
