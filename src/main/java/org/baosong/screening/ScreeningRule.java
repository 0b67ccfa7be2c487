package org.baosong.screening;

/** One rule of spec/submission-rules.md, named for what it checks; it reports into the findings. */
interface ScreeningRule {

	void check(ScreeningContext context, Findings findings) throws Exception;

	/** What a rule's own failure means for the message (declared with the chain, in {@link ScreeningRules}). */
	enum OnError {
		/** The message cannot be judged safely: QUARANTINED with INTERNAL_ERROR. */
		QUARANTINE,
		/** The rule only sets flags: log and go on without them. */
		SKIP
	}
}
