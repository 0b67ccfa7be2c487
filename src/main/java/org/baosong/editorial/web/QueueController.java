package org.baosong.editorial.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.baosong.editorial.Queues;
import org.baosong.editorial.SubmissionState;
import org.baosong.profile.ProfileCatalog;
import org.baosong.registry.Registry;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The editors' queues: counts per sequence and state, and the filtered list, URGENT first. */
@Controller
class QueueController {

	private final Queues queues;

	private final Registry registry;

	private final ProfileCatalog profiles;

	QueueController(Queues queues, Registry registry, ProfileCatalog profiles) {
		this.queues = queues;
		this.registry = registry;
		this.profiles = profiles;
	}

	/**
	 * Without a state the open states are listed; {@code state=ALL} lists every state. {@code mine}
	 * lists what the user has claimed.
	 */
	@GetMapping("/queues")
	String queues(@RequestParam(required = false) List<String> state, @RequestParam(required = false) String sequence,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) String type,
			@RequestParam(required = false) String flag, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "oldest") String sort, @RequestParam(defaultValue = "0") int page, Authentication user,
			Model model) {
		Set<SubmissionState> states = states(state);
		var filter = queues.filter(states, sequence, unit, type, flag, mine ? user.getName() : null, from, to, "newest".equals(sort));
		model.addAttribute("page", queues.list(filter, page, org.baosong.common.Page.DEFAULT_SIZE));
		model.addAttribute("counts", queues.counts(user.getName()));
		model.addAttribute("sequences", registry.sequences());
		model.addAttribute("units", registry.units());
		model.addAttribute("types", profiles.jurisdiction().subject().types());
		model.addAttribute("allStates", SubmissionState.values());
		model.addAttribute("flagCodes", List.of("URGENT", "NEAR_DUPLICATE", "LATE_COMMISSION", "CORRECTION", "SOURCE_NOTE", "MESSAGE_ID_REUSED", "FEEDBACK"));
		model.addAttribute("selectedStates", state == null ? List.of() : state);
		model.addAttribute("sequence", sequence);
		model.addAttribute("unit", unit);
		model.addAttribute("type", type);
		model.addAttribute("flag", flag);
		model.addAttribute("mine", mine);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("sort", sort);
		return "editorial/queues";
	}

	/** The states asked for: none means the open ones, ALL means every state; unknown names are ignored. */
	static Set<SubmissionState> states(List<String> names) {
		if (names == null || names.isEmpty()) {
			return SubmissionState.OPEN;
		}
		if (names.contains("ALL")) {
			return Set.of();
		}
		var states = EnumSet.noneOf(SubmissionState.class);
		for (String name : names) {
			for (SubmissionState s : SubmissionState.values()) {
				if (s.name().equals(name)) {
					states.add(s);
				}
			}
		}
		return states.isEmpty() ? SubmissionState.OPEN : states;
	}
}
