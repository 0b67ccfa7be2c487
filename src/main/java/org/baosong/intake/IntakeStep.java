package org.baosong.intake;

/** One named step of the processing flow; the flow ({@link IntakeFlow}) declares their order and error policy. */
interface IntakeStep {

	void apply(IntakeWork work) throws Exception;

	/** A write that found the lease gone: another node owns the message now, this node stops quietly. */
	final class LeaseLost extends RuntimeException {

		LeaseLost(IntakeWork work) {
			super("lease on " + work + " lost to another node");
		}
	}
}
