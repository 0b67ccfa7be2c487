package org.baosong.search.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.baosong.common.BaosongProperties;
import org.baosong.profile.ProfileCatalog;
import org.baosong.registry.Registry;
import org.baosong.search.SearchCriteria;
import org.baosong.search.SearchResults;
import org.baosong.search.SubmissionSearch;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The search page (all staff) and the administrators' rebuild button. */
@Controller
class SearchController {

	/** The workflow states of spec/editorial.md, in their order. */
	static final List<String> STATES = List.of("RECEIVED", "IN_EDIT", "IN_REVIEW", "ADOPTED", "NOT_ADOPTED", "RETURNED");

	private final SubmissionSearch search;

	private final Registry registry;

	private final ProfileCatalog profiles;

	private final MessageSource messages;

	private final ZoneId zone;

	SearchController(SubmissionSearch search, Registry registry, ProfileCatalog profiles, MessageSource messages, BaosongProperties baosong) {
		this.search = search;
		this.registry = registry;
		this.profiles = profiles;
		this.messages = messages;
		this.zone = baosong.timeZone();
	}

	@GetMapping("/search")
	String page(@ModelAttribute("form") SearchForm form, BindingResult binding, Model model, HttpServletRequest request) {
		model.addAttribute("status", search.status());
		model.addAttribute("sequences", registry.sequences());
		model.addAttribute("units", registry.units());
		model.addAttribute("types", profiles.jurisdiction().subject().types());
		model.addAttribute("states", STATES);
		model.addAttribute("flags", search.flagsInUse());
		model.addAttribute("orders", SearchCriteria.Order.values());
		model.addAttribute("zone", zone);
		model.addAttribute("maxDepth", SearchCriteria.MAX_DEPTH);
		if (binding.hasErrors()) {
			model.addAttribute("formError", binding.getFieldErrors().stream().map(e -> e.getField()).distinct().toList());
			return "search";
		}
		if (form.asked()) {
			SearchResults results = search.search(form.criteria());
			model.addAttribute("results", results);
			model.addAttribute("previousUrl", pageUrl(request, results.number() - 1));
			model.addAttribute("nextUrl", pageUrl(request, results.number() + 1));
		}
		return "search";
	}

	@PostMapping("/search/rebuild")
	String rebuild(RedirectAttributes redirect, Locale locale) {
		search.rebuild();
		redirect.addFlashAttribute("notice", messages.getMessage("search.rebuild.requested", null, locale));
		return "redirect:/search";
	}

	/** The same search on another page (the layout's pager would drop the search's parameters). */
	private static String pageUrl(HttpServletRequest request, int page) {
		return UriComponentsBuilder.fromPath("/search").query(request.getQueryString()).replaceQueryParam("page", page).build()
			.toUriString();
	}
}
