package org.baosong.scoring;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.editorial.ActRecorded;
import org.baosong.editorial.ActRecording;
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

	/**
	 * Before the act is written: the lock of its scope, so that two transactions recording acts about one
	 * submission are serialized before either writes (the second then sees the first's acts with a locking read,
	 * and no locking read waits on a row another transaction inserted before queueing for the lock).
	 */
	@EventListener
	void before(ActRecording event) {
		if (event.submissionId() == null && (event.refType() == null || event.refId() == null) && event.reversesId() == null) {
			return; // a lone act: its scope is itself, nobody else can derive it now
		}
		if (profiles.find(event.profileId()).isPresent()) {
			ledger.lock(event.profileId(), Scopes.of(event.submissionId(), event.refType(), event.refId(), 0, event.reversesId()));
		}
	}

	@EventListener
	void on(ActRecorded event) {
		var profile = profiles.find(event.profileId());
		if (profile.isEmpty()) {
			log.warn("act {} names profile '{}', which is not loaded: no points", event.actId(), event.profileId());
			return;
		}
		String scope = Scopes.of(event.submissionId(), event.refType(), event.refId(), event.actId(), event.reversesId());
		ledger.lock(profile.get().id(), scope);
		var derived = new ScoringEngine(profile.get(), contexts.live()).derive(scope, actsOf(event, scope));
		ledger.apply(profile.get().id(), scope, derived, "依据 #" + event.actId());
	}

	private List<Act> actsOf(ActRecorded event, String scope) {
		if (event.submissionId() != null) {
			// a locking read: acts a concurrent transaction committed while this one waited for the scope must be seen
			return acts.ofSubmissionLocked(event.submissionId());
		}
		if (scope.startsWith("ref:")) {
			// acts about one row without a submission come from one transaction at a time (a commission's close, a
			// penalty and its undo); acts about the same row that concern a submission belong to that submission's scope
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
