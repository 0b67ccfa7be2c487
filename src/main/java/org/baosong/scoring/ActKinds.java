package org.baosong.scoring;

/** The act kinds of the editorial act stream (ADR 0014) that the rules match. */
final class ActKinds {

	static final String ADOPTED = "ADOPTED";
	static final String INSTRUCTION = "INSTRUCTION";
	static final String FEEDBACK = "FEEDBACK";
	static final String FEEDBACK_LATE = "FEEDBACK_LATE";
	static final String FEEDBACK_MISSING = "FEEDBACK_MISSING";
	static final String UPSTREAM_ADOPTION = "UPSTREAM_ADOPTION";
	static final String MARK = "MARK";
	static final String PENALTY = "PENALTY";
	static final String COMMISSION_ANSWERED = "COMMISSION_ANSWERED";
	static final String COMMISSION_LATE = "COMMISSION_LATE";
	static final String COMMISSION_MISSING = "COMMISSION_MISSING";

	private ActKinds() {
	}
}
