package org.baosong.editorial.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.baosong.editorial.Submissions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** One submission as the API shows it: fields, text, attachments with what extraction found, events. */
@RestController
@Tag(name = "submissions")
class SubmissionApiController {

	private final Submissions submissions;

	SubmissionApiController(Submissions submissions) {
		this.submissions = submissions;
	}

	@Operation(summary = "One submission: parsed fields, text, attachments with their extracted text, events")
	@GetMapping("/api/submissions/{id}")
	Map<String, Object> detail(@PathVariable long id) {
		return submissions.detail(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no submission " + id));
	}
}
