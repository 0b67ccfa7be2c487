package org.baosong.scoring;

import org.baosong.editorial.EditorialActs.Act;
import org.baosong.profile.PeriodKind;

/**
 * The scope of a ledger line: the set of events whose lines are derived together. An act about a
 * submission is derived with all acts of that submission (same item: highest-only, max, cap, the adoption a
 * bonus needs); an act about another row (a commission, a penalty) with the acts about that row; a lone
 * act alone. A reversal has the scope of the act it reverses.
 */
final class Scopes {

	private Scopes() {
	}

	static String of(Long submissionId, String refType, Long refId, long actId, Long reversesId) {
		if (submissionId != null) {
			return submission(submissionId);
		}
		if (refType != null && refId != null) {
			return "ref:" + refType + ":" + refId;
		}
		return "act:" + (reversesId != null ? reversesId : actId);
	}

	static String of(Act act) {
		return of(act.submissionId(), act.refType(), act.refId(), act.id(), act.reversesId());
	}

	static String submission(long submissionId) {
		return "submission:" + submissionId;
	}

	static String accepted(long submissionId) {
		return "accepted:" + submissionId;
	}

	static String close(PeriodKind kind, String key) {
		return "close:" + kind + ":" + key;
	}
}
