package org.baosong.scoring;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.editorial.ActRecorded;
import org.baosong.editorial.EditorialActs;
import org.baosong.editorial.EditorialActs.Act;
import org.baosong.profile.ProfileCatalog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger in step with the act stream: when an act (or an undo) is recorded, the lines of its
 * scope are derived again from all the scope's acts and the difference is written, in the act's own
 * transaction — an act and its points commit together or not at all.
 */
@Component
class ActScoring {

	private static final Logger log = LoggerFactory.getLogger(ActScoring.class);

	private final EditorialActs acts;

	private final ProfileCatalog profiles;

	private final Ledger ledger;

	private final Contexts contexts;

	ActScoring(EditorialActs acts, ProfileCatalog profiles, Ledger ledger, Contexts contexts) {
		this.acts = acts;
		this.profiles = profiles;
		this.ledger = ledger;
		this.contexts = contexts;
	}

	@EventListener
	void on(ActRecorded event) {
		var profile = profiles.find(event.profileId());
		if (profile.isEmpty()) {
			log.warn("act {} names profile '{}', which is not loaded: no points", event.actId(), event.profileId());
			return;
		}
		String scope = Scopes.of(event.submissionId(), event.refType(), event.refId(), event.actId(), event.reversesId());
		var derived = new ScoringEngine(profile.get(), contexts.live()).derive(scope, actsOf(event, scope));
		ledger.apply(profile.get().id(), scope, derived, "依据 #" + event.actId());
	}

	private List<Act> actsOf(ActRecorded event, String scope) {
		if (event.submissionId() != null) {
			return acts.ofSubmission(event.submissionId());
		}
		if (scope.startsWith("ref:")) {
			// acts about the same row that concern a submission belong to that submission's scope
			return acts.about(event.refType(), event.refId()).stream().filter(a -> Scopes.of(a).equals(scope)).toList();
		}
		var result = new ArrayList<Act>();
		if (event.reversesId() != null) {
			acts.find(event.reversesId()).ifPresent(result::add);
		}
		acts.find(event.actId()).ifPresent(result::add);
		return result;
	}
}
