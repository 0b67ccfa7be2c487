package org.baosong.editorial.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.baosong.common.Page;
import org.baosong.common.Role;
import org.baosong.editorial.Editing;
import org.baosong.editorial.Queues;
import org.baosong.editorial.Submissions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The queues and submissions as JSON: the same data and acts as the pages, under the same
 * authorization matrix. A refused act answers 404 (no such submission), 409 (its state or claim does
 * not allow it) or 400 (bad input), with the reason code.
 */
@RestController
@Tag(name = "submissions")
class SubmissionApiController {

	private final Submissions submissions;

	private final Queues queues;

	private final Editing editing;

	SubmissionApiController(Submissions submissions, Queues queues, Editing editing) {
		this.submissions = submissions;
		this.queues = queues;
		this.editing = editing;
	}

	@Operation(summary = "A queue: submissions filtered by state, sequence, unit, type, flag, claimer and date; URGENT first")
	@GetMapping("/api/queues")
	Page<Queues.QueueItem> queue(@RequestParam(required = false) List<String> state, @RequestParam(required = false) String sequence,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) String type,
			@RequestParam(required = false) String flag, @RequestParam(required = false) String claimedBy,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "oldest") String sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		var filter = queues.filter(QueueController.states(state), sequence, unit, type, flag, claimedBy, from, to, "newest".equals(sort));
		return queues.list(filter, page, size);
	}

	@GetMapping("/api/queues/counts")
	Queues.Counts counts(Authentication user) {
		return queues.counts(user.getName());
	}

	@Operation(summary = "One submission: parsed fields, text, attachments with their extracted text, events")
	@GetMapping("/api/submissions/{id}")
	Map<String, Object> detail(@PathVariable long id) {
		return submissions.detail(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no submission " + id));
	}

	@GetMapping("/api/submissions/{id}/versions")
	List<Editing.Version> versions(@PathVariable long id) {
		submissions.inboundIdOf(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no submission " + id));
		return editing.versions(id);
	}

	record Comment(String comment) {
	}

	record Edit(String type, String title, String text, String note) {
	}

	@PostMapping("/api/submissions/{id}/claim")
	Map<String, Object> claim(@PathVariable long id, Authentication user) {
		editing.claim(id, user.getName());
		return detail(id);
	}

	@PostMapping("/api/submissions/{id}/release")
	Map<String, Object> release(@PathVariable long id, Authentication user) {
		editing.release(id, user.getName(), SubmissionForms.has(user, Role.ADMIN));
		return detail(id);
	}

	@PostMapping("/api/submissions/{id}/versions")
	Map<String, Object> edit(@PathVariable long id, @RequestBody Edit edit, Authentication user) {
		int version = editing.edit(id, user.getName(), edit.type(), edit.title(), edit.text(), edit.note());
		return Map.of("version", version, "submission", detail(id).get("submission"));
	}

	@PostMapping("/api/submissions/{id}/submit")
	Map<String, Object> submit(@PathVariable long id, Authentication user) {
		editing.submitForReview(id, user.getName(), SubmissionForms.has(user, Role.ADMIN));
		return detail(id);
	}

	@PostMapping("/api/submissions/{id}/send-back")
	Map<String, Object> sendBack(@PathVariable long id, @RequestBody Comment body, Authentication user) {
		editing.sendBack(id, user.getName(), body.comment());
		return detail(id);
	}

	@PostMapping("/api/submissions/{id}/not-adopt")
	Map<String, Object> notAdopt(@PathVariable long id, @RequestBody Comment body, Authentication user) {
		editing.notAdopt(id, user.getName(), body.comment());
		return detail(id);
	}

	@PostMapping("/api/submissions/{id}/return")
	Map<String, Object> returnForRevision(@PathVariable long id, @RequestBody Comment body, Authentication user) {
		editing.returnForRevision(id, user.getName(), body.comment());
		return detail(id);
	}

	@ExceptionHandler(Editing.Refused.class)
	ResponseEntity<Map<String, String>> refused(Editing.Refused refused) {
		HttpStatus status = switch (refused.code()) {
			case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
			case "WRONG_STATE", "CLAIMED_BY_OTHER" -> HttpStatus.CONFLICT;
			default -> HttpStatus.BAD_REQUEST;
		};
		return ResponseEntity.status(status).body(Map.of("code", refused.code(), "message", refused.getMessage()));
	}
}
