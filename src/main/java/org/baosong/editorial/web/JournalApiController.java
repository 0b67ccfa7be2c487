package org.baosong.editorial.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.baosong.editorial.Editing;
import org.baosong.editorial.JournalIssues;
import org.baosong.editorial.Journals;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Journals and their issues as JSON, with the two acts other systems need: adding a submission to a
 * draft issue and publishing it (the same services and audit as the pages). A refused act answers 404
 * (no such issue), 409 (the issue's or the submission's state does not allow it) or 400 (bad input),
 * with the reason code.
 */
@RestController
@Tag(name = "journals")
class JournalApiController {

	private final Journals journals;

	private final JournalIssues issues;

	JournalApiController(Journals journals, JournalIssues issues) {
		this.journals = journals;
		this.issues = issues;
	}

	/** An issue with its items, in the issue's order (withdrawn adoptions included, with who undid them). */
	record IssueDetail(JournalIssues.Issue issue, String label, List<JournalIssues.Item> items) {
	}

	record NewItem(String trackingNo, String placementKind, String role) {
	}

	@Operation(summary = "The journals of every profile, with their placement kinds")
	@GetMapping("/api/journals")
	List<Journals.Journal> journals() {
		return journals.list();
	}

	@Operation(summary = "The issues of a journal, newest first")
	@GetMapping("/api/journals/{id}/issues")
	List<JournalIssues.Issue> issuesOf(@PathVariable long id) {
		journals.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no journal " + id));
		return issues.issuesOf(id);
	}

	@Operation(summary = "One issue with its items in order: submission, unit, placement kind, role, state")
	@GetMapping("/api/issues/{id}")
	IssueDetail issue(@PathVariable long id) {
		var issue = issues.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no issue " + id));
		return new IssueDetail(issue, issue.label(), issues.items(id));
	}

	@Operation(summary = "Adds a submission (by tracking number, under review or adopted elsewhere) to a draft issue")
	@PostMapping("/api/issues/{id}/items")
	IssueDetail add(@PathVariable long id, @RequestBody NewItem item) {
		issues.add(id, item.trackingNo(), item.placementKind(), item.role());
		return issue(id);
	}

	@Operation(summary = "Publishes a draft issue: every item adopted, its act recorded, the 采用反馈 mails queued")
	@PostMapping("/api/issues/{id}/publish")
	IssueDetail publish(@PathVariable long id, Authentication user) {
		issues.publish(id, user.getName());
		return issue(id);
	}

	@ExceptionHandler(Journals.Invalid.class)
	ResponseEntity<Map<String, String>> refused(Journals.Invalid invalid) {
		HttpStatus status = switch (invalid.code()) {
			case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
			case "ISSUE_PUBLISHED", "ISSUE_EMPTY", "NOT_ADOPTABLE", "ALREADY_IN_ISSUE", "NOT_STANDING" -> HttpStatus.CONFLICT;
			default -> HttpStatus.BAD_REQUEST;
		};
		return ResponseEntity.status(status).body(Map.of("code", invalid.code(), "message", invalid.getMessage()));
	}

	@ExceptionHandler(Editing.Refused.class)
	ResponseEntity<Map<String, String>> refused(Editing.Refused refused) {
		HttpStatus status = "NOT_FOUND".equals(refused.code()) ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
		return ResponseEntity.status(status).body(Map.of("code", refused.code(), "message", refused.getMessage()));
	}
}
