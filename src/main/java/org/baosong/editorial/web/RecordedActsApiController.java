package org.baosong.editorial.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.baosong.editorial.ActRefused;
import org.baosong.editorial.Marks;
import org.baosong.editorial.Penalties;
import org.baosong.editorial.Submissions;
import org.baosong.editorial.UpstreamAdoptions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Upstream adoptions, marks and penalties as JSON, under the same authorization matrix as the pages. A
 * refused record answers 404 (no such submission or unit), 409 (DUPLICATE, WRONG_STATE) or 400, with
 * the reason code; a recorded one answers 201 with the row.
 */
@RestController
@Tag(name = "editorial acts")
class RecordedActsApiController {

	private final UpstreamAdoptions upstream;

	private final Marks marks;

	private final Penalties penalties;

	private final Submissions submissions;

	RecordedActsApiController(UpstreamAdoptions upstream, Marks marks, Penalties penalties, Submissions submissions) {
		this.upstream = upstream;
		this.marks = marks;
		this.penalties = penalties;
		this.submissions = submissions;
	}

	@Operation(summary = "The upstream adoptions of a submission (withdrawn ones included, with who withdrew them and why)")
	@GetMapping("/api/submissions/{id}/upstream-adoptions")
	List<UpstreamAdoptions.Entry> upstreamAdoptions(@PathVariable long id) {
		exists(id);
		return upstream.ofSubmission(id);
	}

	@Operation(summary = "Records an upstream adoption: level (a profile code), withInstruction, journalName, adoptedOn, note")
	@PostMapping("/api/submissions/{id}/upstream-adoptions")
	ResponseEntity<UpstreamAdoptions.Entry> recordUpstream(@PathVariable long id, @RequestBody UpstreamAdoptions.NewUpstreamAdoption body) {
		long created = upstream.record(id, body);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(upstream.ofSubmission(id).stream().filter(e -> e.id() == created).findFirst().orElseThrow());
	}

	@Operation(summary = "The marks (优秀信息 ...) of a submission")
	@GetMapping("/api/submissions/{id}/marks")
	List<Marks.Entry> marks(@PathVariable long id) {
		exists(id);
		return marks.ofSubmission(id);
	}

	@Operation(summary = "Gives a submission a mark: code (a profile code), markedOn, note")
	@PostMapping("/api/submissions/{id}/marks")
	ResponseEntity<Marks.Entry> recordMark(@PathVariable long id, @RequestBody Marks.NewMark body) {
		long created = marks.record(id, body);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(marks.ofSubmission(id).stream().filter(e -> e.id() == created).findFirst().orElseThrow());
	}

	@Operation(summary = "Penalties, newest first, by unit and by the day given (inclusive)")
	@GetMapping("/api/penalties")
	List<Penalties.Entry> penalties(@RequestParam(required = false) Long unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return penalties.search(new Penalties.Filter(unit, from, to));
	}

	@Operation(summary = "Records a penalty: unitId and/or submissionId, code (a profile code), givenOn, reason (required)")
	@PostMapping("/api/penalties")
	ResponseEntity<Penalties.Entry> recordPenalty(@RequestBody Penalties.NewPenalty body) {
		long created = penalties.record(body);
		return ResponseEntity.status(HttpStatus.CREATED).body(penalties.find(created).orElseThrow());
	}

	private void exists(long id) {
		submissions.inboundIdOf(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no submission " + id));
	}

	@ExceptionHandler(ActRefused.class)
	ResponseEntity<Map<String, String>> refused(ActRefused refused) {
		HttpStatus status = switch (refused.code()) {
			case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
			case "DUPLICATE", "WRONG_STATE", "NOT_STANDING" -> HttpStatus.CONFLICT;
			default -> HttpStatus.BAD_REQUEST;
		};
		return ResponseEntity.status(status).body(Map.of("code", refused.code(), "message", refused.getMessage()));
	}
}
