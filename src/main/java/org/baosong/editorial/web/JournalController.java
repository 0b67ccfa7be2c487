package org.baosong.editorial.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.baosong.common.BaosongProperties;
import org.baosong.editorial.JournalIssues;
import org.baosong.editorial.Journals;
import org.baosong.profile.ProfileCatalog;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
 * The journals pages: the list (administrators create and edit journals), a journal with its issues,
 * the new-issue form (next number proposed), and an issue page where editors compose a draft (add by
 * tracking number, reorder, remove), publish it, and administrators undo a published adoption.
 */
@Controller
class JournalController {

	private final Journals journals;

	private final JournalIssues issues;

	private final ProfileCatalog profiles;

	private final MessageSource messages;

	private final Clock clock;

	JournalController(Journals journals, JournalIssues issues, ProfileCatalog profiles, MessageSource messages, BaosongProperties baosong,
			Clock clock) {
		this.journals = journals;
		this.issues = issues;
		this.profiles = profiles;
		this.messages = messages;
		this.clock = clock.withZone(baosong.timeZone());
	}

	@GetMapping("/journals")
	String list(Model model) {
		model.addAttribute("journals", journals.list());
		model.addAttribute("profiles", profiles.all());
		model.addAttribute("defaultProfile", profiles.jurisdiction().id());
		return "journals/list";
	}

	@PostMapping("/journals")
	String create(@RequestParam(required = false) String profileId, @RequestParam(required = false) String code,
			@RequestParam(required = false) String name, @RequestParam(required = false) String level,
			@RequestParam(required = false) String placementKinds, @RequestParam(defaultValue = "false") boolean active,
			@RequestParam(defaultValue = "0") int sortOrder, RedirectAttributes flash, Locale locale) {
		try {
			long id = journals.create(new Journals.Form(profileId, code, name, level, placementKinds, active, sortOrder));
			notice(flash, locale, "created");
			return "redirect:/journals/" + id;
		}
		catch (Journals.Invalid invalid) {
			refused(flash, locale, invalid);
			return "redirect:/journals";
		}
	}

	@GetMapping("/journals/{id}")
	String journal(@PathVariable long id, Model model) {
		model.addAttribute("journal", journals.find(id).orElseThrow(JournalController::notFound));
		model.addAttribute("issues", issues.issuesOf(id));
		return "journals/journal";
	}

	@PostMapping("/journals/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) String level, @RequestParam(required = false) String placementKinds,
			@RequestParam(defaultValue = "false") boolean active, @RequestParam(defaultValue = "0") int sortOrder, RedirectAttributes flash,
			Locale locale) {
		journals.find(id).orElseThrow(JournalController::notFound);
		return act(flash, locale, "saved", "redirect:/journals/" + id,
				() -> journals.update(id, new Journals.Form(null, code, name, level, placementKinds, active, sortOrder)));
	}

	@GetMapping("/journals/{id}/issues/new")
	String newIssue(@PathVariable long id, Model model) {
		model.addAttribute("journal", journals.find(id).orElseThrow(JournalController::notFound));
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("year", today.getYear());
		model.addAttribute("number", issues.proposedNumber(id, today.getYear()));
		model.addAttribute("date", today);
		return "journals/new-issue";
	}

	@PostMapping("/journals/{id}/issues")
	String createIssue(@PathVariable long id, @RequestParam(defaultValue = "0") int year, @RequestParam(defaultValue = "0") int number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Authentication user,
			RedirectAttributes flash, Locale locale) {
		journals.find(id).orElseThrow(JournalController::notFound);
		try {
			long issue = issues.create(id, year, number, date, user.getName());
			notice(flash, locale, "issueCreated");
			return "redirect:/issues/" + issue;
		}
		catch (Journals.Invalid invalid) {
			refused(flash, locale, invalid);
			return "redirect:/journals/" + id + "/issues/new";
		}
	}

	@GetMapping("/issues/{id}")
	String issue(@PathVariable long id, Model model) {
		model.addAttribute("issue", issues.find(id).orElseThrow(JournalController::notFound));
		model.addAttribute("items", issues.items(id));
		model.addAttribute("roles", JournalIssues.ROLES);
		model.addAttribute("zone", clock.getZone());
		return "journals/issue";
	}

	@PostMapping("/issues/{id}/items")
	String add(@PathVariable long id, @RequestParam(required = false) String trackingNo, @RequestParam(required = false) String placementKind,
			@RequestParam(required = false) String role, RedirectAttributes flash, Locale locale) {
		return act(flash, locale, "added", "redirect:/issues/" + id, () -> issues.add(id, trackingNo, placementKind, role));
	}

	@PostMapping("/issues/{id}/items/{adoptionId}/move")
	String move(@PathVariable long id, @PathVariable long adoptionId, @RequestParam(defaultValue = "up") String direction,
			RedirectAttributes flash, Locale locale) {
		return act(flash, locale, "moved", "redirect:/issues/" + id, () -> issues.move(id, adoptionId, !"down".equals(direction)));
	}

	@PostMapping("/issues/{id}/items/{adoptionId}/remove")
	String remove(@PathVariable long id, @PathVariable long adoptionId, RedirectAttributes flash, Locale locale) {
		return act(flash, locale, "removed", "redirect:/issues/" + id, () -> issues.remove(id, adoptionId));
	}

	@PostMapping("/issues/{id}/publish")
	String publish(@PathVariable long id, Authentication user, RedirectAttributes flash, Locale locale) {
		return act(flash, locale, "published", "redirect:/issues/" + id, () -> issues.publish(id, user.getName()));
	}

	@PostMapping("/issues/{id}/items/{adoptionId}/undo")
	String undo(@PathVariable long id, @PathVariable long adoptionId, @RequestParam(required = false) String reason, Authentication user,
			RedirectAttributes flash, Locale locale) {
		return act(flash, locale, "undone", "redirect:/issues/" + id, () -> {
			var item = issues.items(id).stream().filter(i -> i.id() == adoptionId).findFirst()
				.orElseThrow(() -> new Journals.Invalid("NOT_FOUND", "no item " + adoptionId + " in issue " + id));
			issues.undo(item.id(), user.getName(), reason);
		});
	}

	private String act(RedirectAttributes flash, Locale locale, String done, String redirect, Runnable act) {
		try {
			act.run();
			notice(flash, locale, done);
		}
		catch (Journals.Invalid invalid) {
			refused(flash, locale, invalid);
		}
		catch (org.baosong.editorial.Editing.Refused refused) {
			flash.addFlashAttribute("error", messages.getMessage("editorial.refused." + refused.code(), refused.args(), locale));
		}
		return redirect;
	}

	private void notice(RedirectAttributes flash, Locale locale, String done) {
		flash.addFlashAttribute("notice", messages.getMessage("journals.done." + done, null, locale));
	}

	private void refused(RedirectAttributes flash, Locale locale, Journals.Invalid invalid) {
		flash.addFlashAttribute("error", messages.getMessage("journals.refused." + invalid.code(), null, invalid.getMessage(), locale));
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
