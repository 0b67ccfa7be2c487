package org.baosong.profile.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.baosong.common.BaosongProperties;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.PeriodKind;
import org.baosong.profile.ProfileCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A read-only view of the active jurisdiction profile: the subject grammar, the rule options, the sequences
 * and their targets, and the periods of the current assessment year. Changing a profile is editing its
 * file and restarting (profiles are validated at start-up), so nothing here writes.
 */
@Controller
class ProfileController {

	private final ProfileCatalog profiles;

	private final Clock clock;

	private final ZoneId zone;

	ProfileController(ProfileCatalog profiles, Clock clock, BaosongProperties properties) {
		this.profiles = profiles;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	@GetMapping("/ops/profile")
	String profile(@RequestParam(required = false) String id, Model model) {
		JurisdictionProfile profile = id == null || id.isBlank() ? profiles.jurisdiction()
				: profiles.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no profile " + id));
		LocalDate today = clock.instant().atZone(zone).toLocalDate();
		int year = profile.calendar().assessmentYear(today);
		model.addAttribute("profile", profile);
		model.addAttribute("today", today);
		model.addAttribute("assessmentYear", year);
		model.addAttribute("periods", profile.calendar().periodsOf(year));
		model.addAttribute("weekly", profile.calendar().periods().contains(PeriodKind.WEEK));
		model.addAttribute("others", profiles.all().stream().filter(p -> !p.id().equals(profile.id()))
			.map(JurisdictionProfile::id).sorted().toList());
		return "ops/profile";
	}
}
