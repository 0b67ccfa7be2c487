package org.baosong.editorial.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baosong.common.BaosongProperties;
import org.baosong.editorial.Marks;
import org.baosong.editorial.Penalties;
import org.baosong.editorial.UpstreamAdoptions;
import org.baosong.profile.EditorialTerms;
import org.baosong.profile.ProfileCatalog;
import org.baosong.profile.Term;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the submission page's section of upstream adoptions, marks and penalties shows
 * ({@code editorial/recorded-acts.html}): the rows with their names from the profile, and what the
 * forms offer.
 */
@Component
class RecordedActsSection {

	private final UpstreamAdoptions upstream;

	private final Marks marks;

	private final Penalties penalties;

	private final ProfileCatalog profiles;

	private final Clock clock;

	private final ZoneId zone;

	RecordedActsSection(UpstreamAdoptions upstream, Marks marks, Penalties penalties, ProfileCatalog profiles, Clock clock,
			BaosongProperties baosong) {
		this.upstream = upstream;
		this.marks = marks;
		this.penalties = penalties;
		this.profiles = profiles;
		this.clock = clock;
		this.zone = baosong.timeZone();
	}

	void addTo(Model model, long submissionId, String profileId) {
		EditorialTerms terms = terms(profileId);
		model.addAttribute("upstreamAdoptions", upstream.ofSubmission(submissionId));
		model.addAttribute("marks", marks.ofSubmission(submissionId));
		model.addAttribute("submissionPenalties", penalties.ofSubmission(submissionId));
		model.addAttribute("upstreamLevels", terms.upstreamLevels());
		model.addAttribute("markTerms", terms.marks());
		addNames(model, terms);
		model.addAttribute("today", today());
	}

	/** The profile's terms; the jurisdiction's when the profile is not loaded. */
	EditorialTerms terms(String profileId) {
		return profiles.find(profileId == null ? "" : profileId).orElse(profiles.jurisdiction()).editorial();
	}

	/** Code → Chinese name of every upstream level, mark and penalty, for the lists. */
	static void addNames(Model model, EditorialTerms terms) {
		model.addAttribute("upstreamNames", names(terms.upstreamLevels()));
		model.addAttribute("markNames", names(terms.marks()));
		model.addAttribute("penaltyNames", names(terms.penalties()));
	}

	LocalDate today() {
		return clock.instant().atZone(zone).toLocalDate();
	}

	private static Map<String, String> names(List<Term> terms) {
		var names = new LinkedHashMap<String, String>();
		terms.forEach(t -> names.put(t.code(), t.name()));
		return names;
	}
}
