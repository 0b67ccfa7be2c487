package org.baosong.editorial.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baosong.common.Role;
import org.baosong.editorial.Editing;
import org.baosong.editorial.OriginalMail;
import org.baosong.editorial.SubmissionState;
import org.baosong.editorial.Submissions;
import org.baosong.profile.ProfileCatalog;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The submission page: parsed fields, flags with what they mean, text, the original mail (sanitized,
 * in a sandboxed frame), attachments as downloads, extracted text, versions with their differences,
 * the acts the user may perform, and the audit trail.
 */
@Controller
class SubmissionController {

	/** The frame's own policy: nothing may run or load, styles inline only, images only embedded. */
	static final String MAIL_FRAME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

	private final Submissions submissions;

	private final Editing editing;

	private final OriginalMail originalMail;

	private final ProfileCatalog profiles;

	private final MessageSource messages;

	private final RecordedActsSection recordedActs;

	SubmissionController(Submissions submissions, Editing editing, OriginalMail originalMail, ProfileCatalog profiles,
			MessageSource messages, RecordedActsSection recordedActs) {
		this.submissions = submissions;
		this.editing = editing;
		this.originalMail = originalMail;
		this.profiles = profiles;
		this.messages = messages;
		this.recordedActs = recordedActs;
	}

	@GetMapping("/submissions/{id}")
	@SuppressWarnings("unchecked")
	String page(@PathVariable long id, @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
			Authentication user, Model model) {
		var detail = submissions.detail(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no submission " + id));
		var submission = (Map<String, Object>) detail.get("submission");
		var state = SubmissionState.valueOf((String) submission.get("state"));
		var versions = editing.versions(id);
		model.addAttribute("s", submission);
		model.addAttribute("state", state);
		model.addAttribute("attachments", detail.get("attachments"));
		model.addAttribute("events", detail.get("events"));
		model.addAttribute("flags", SubmissionForms.flags((String) submission.get("flags"), (String) submission.get("flagNotes")));
		model.addAttribute("actions", SubmissionForms.actions(state, (String) submission.get("claimedBy"), user));
		model.addAttribute("versions", versions);
		model.addAttribute("supersededBy", submissions.supersededBy(id));
		model.addAttribute("types", profiles.find((String) submission.get("profileId"))
			.map(p -> p.subject().types()).orElse(List.of()));
		model.addAttribute("hasHtml", originalMail.html(id).isPresent());
		recordedActs.addTo(model, id, (String) submission.get("profileId"));
		if (versions.size() >= 2) {
			int a = from == null ? versions.size() - 1 : from;
			int b = to == null ? versions.size() : to;
			var va = versions.stream().filter(v -> v.versionNo() == a).findFirst();
			var vb = versions.stream().filter(v -> v.versionNo() == b).findFirst();
			if (va.isPresent() && vb.isPresent()) {
				model.addAttribute("diffFrom", a);
				model.addAttribute("diffTo", b);
				model.addAttribute("diff", SubmissionForms.diff(va.get(), vb.get()));
			}
		}
		return "editorial/submission";
	}

	@GetMapping("/submissions/by-tracking/{trackingNo}")
	String byTrackingNo(@PathVariable String trackingNo) {
		long id = submissions.idOf(trackingNo)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no submission " + trackingNo));
		return "redirect:/submissions/" + id;
	}

	/** The original mail's HTML, sanitized, for the sandboxed frame of the submission page. */
	@GetMapping("/submissions/{id}/mail-html")
	ResponseEntity<String> mailHtml(@PathVariable long id) {
		String html = originalMail.html(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no HTML body"));
		return ResponseEntity.ok()
			.header("Content-Security-Policy", MAIL_FRAME_CSP)
			.header("X-Content-Type-Options", "nosniff")
			.header("Referrer-Policy", "no-referrer")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
			.body(MailHtmlSanitizer.document(html));
	}

	/** An attachment, always as a download (never rendered by the browser) under its own name. */
	@GetMapping("/submissions/{id}/attachments/{attachmentId}")
	ResponseEntity<InputStreamResource> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		var file = submissions.attachment(id, attachmentId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no attachment " + attachmentId));
		InputStream in = originalMail.openAttachment(file)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.GONE, "attachment no longer archived"));
		String name = file.filename() == null ? "attachment-" + attachmentId : file.filename();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(file.size())
			.body(new InputStreamResource(in));
	}

	@PostMapping("/submissions/{id}/claim")
	String claim(@PathVariable long id, Authentication user, RedirectAttributes flash, Locale locale) {
		return act(id, flash, locale, "claimed", () -> editing.claim(id, user.getName()));
	}

	@PostMapping("/submissions/{id}/release")
	String release(@PathVariable long id, Authentication user, RedirectAttributes flash, Locale locale) {
		return act(id, flash, locale, "released", () -> editing.release(id, user.getName(), SubmissionForms.has(user, Role.ADMIN)));
	}

	@PostMapping("/submissions/{id}/edit")
	String edit(@PathVariable long id, @RequestParam(required = false) String type, @RequestParam String title,
			@RequestParam(required = false) String text, @RequestParam(required = false) String note, Authentication user,
			RedirectAttributes flash, Locale locale) {
		return act(id, flash, locale, "saved", () -> editing.edit(id, user.getName(), type, title, text, note));
	}

	@PostMapping("/submissions/{id}/submit")
	String submit(@PathVariable long id, Authentication user, RedirectAttributes flash, Locale locale) {
		return act(id, flash, locale, "submitted", () -> editing.submitForReview(id, user.getName(), SubmissionForms.has(user, Role.ADMIN)));
	}

	@PostMapping("/submissions/{id}/send-back")
	String sendBack(@PathVariable long id, @RequestParam(required = false) String comment, Authentication user,
			RedirectAttributes flash, Locale locale) {
		return act(id, flash, locale, "sentBack", () -> editing.sendBack(id, user.getName(), comment));
	}

	@PostMapping("/submissions/{id}/not-adopt")
	String notAdopt(@PathVariable long id, @RequestParam(required = false) String reason, Authentication user,
			RedirectAttributes flash, Locale locale) {
		return act(id, flash, locale, "notAdopted", () -> editing.notAdopt(id, user.getName(), reason));
	}

	@PostMapping("/submissions/{id}/return")
	String returnForRevision(@PathVariable long id, @RequestParam(required = false) String comment, Authentication user,
			RedirectAttributes flash, Locale locale) {
		return act(id, flash, locale, "returned", () -> editing.returnForRevision(id, user.getName(), comment));
	}

	private String act(long id, RedirectAttributes flash, Locale locale, String done, Runnable act) {
		try {
			act.run();
			flash.addFlashAttribute("notice", messages.getMessage("editorial.done." + done, null, locale));
		}
		catch (Editing.Refused refused) {
			if ("NOT_FOUND".equals(refused.code())) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, refused.getMessage());
			}
			flash.addFlashAttribute("error", messages.getMessage("editorial.refused." + refused.code(), refused.args(), locale));
		}
		return "redirect:/submissions/" + id;
	}
}
