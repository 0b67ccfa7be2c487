package org.baosong.scoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.editorial.Journals;
import org.baosong.profile.ProfileCatalog;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Journals are rows an administrator keeps, the points for adopting into them are the profile's: at start
 * (after the demo journals) this says which active journal rows, or placement kinds of them, earn nothing under
 * their profile's rules, so a code typed differently in the two places is noticed. A warning, not a refusal: an
 * office may keep journals that earn no points.
 */
@Component
@Order(30)
class JournalRulesCheck implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(JournalRulesCheck.class);

	private final Journals journals;

	private final ProfileCatalog profiles;

	JournalRulesCheck(Journals journals, ProfileCatalog profiles) {
		this.journals = journals;
		this.profiles = profiles;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (var journal : journals.list()) {
			var profile = profiles.find(journal.profileId());
			if (!journal.active() || profile.isEmpty() || profile.get().scoring().journals().isEmpty()) {
				continue;
			}
			var rules = profile.get().scoring();
			var named = rules.journal(journal.code());
			if (named.isEmpty()) {
				log.warn("journal {} ({}) of {} is not one of its scoring journals: adoptions into it earn no points", journal.code(),
						journal.name(), journal.profileId());
				continue;
			}
			for (String kind : journal.kinds()) {
				boolean scored = rules.placements().rules().stream()
					.anyMatch(r -> r.journal().equals(journal.code()) && (r.placement() == null || r.placement().equals(kind)));
				if (!scored) {
					log.warn("placement {} of journal {} ({}) earns no points under {}", kind, journal.code(), journal.name(),
							journal.profileId());
				}
			}
		}
	}
}
