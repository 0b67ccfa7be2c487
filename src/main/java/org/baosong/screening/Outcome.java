package org.baosong.screening;

/** The four outcomes of spec/submission-rules.md; every message ends in exactly one. */
public enum Outcome {
	ACCEPTED, REJECTED, IGNORED, QUARANTINED
}
