package org.baosong.editorial.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.baosong.common.Page;
import org.baosong.editorial.Instructions;
import org.baosong.editorial.Submissions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Leader instructions (批示) and their feedback as JSON, under the same authorization matrix as the pages. */
@RestController
@Tag(name = "instructions")
class InstructionApiController {

	private final Instructions instructions;

	private final Submissions submissions;

	InstructionApiController(Instructions instructions, Submissions submissions) {
		this.instructions = instructions;
		this.submissions = submissions;
	}

	@Operation(summary = "Leader instructions filtered by state (OPEN, OVERDUE, FEEDBACK, FEEDBACK_LATE, WITHDRAWN), unit, level and "
			+ "the instruction's day; those awaiting feedback first, soonest due first")
	@GetMapping("/api/instructions")
	Page<Instructions.Instruction> list(@RequestParam(required = false) String state, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String level,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return instructions.search(InstructionController.filter(state, unit, level, from, to), page, size);
	}

	@Operation(summary = "The leader instructions given on one submission, oldest first, with their feedback")
	@GetMapping("/api/submissions/{id}/instructions")
	List<Instructions.Instruction> ofSubmission(@PathVariable long id) {
		submissions.inboundIdOf(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no submission " + id));
		return instructions.ofSubmission(id);
	}
}
