package org.baosong.editorial;

/**
 * An act (or the reversal of one) was written to the act stream, in the transaction still open: listeners
 * that must stay in step with the stream (the score ledger) run synchronously in it.
 *
 * @param actId        the new row
 * @param reversesId   the act it reverses, for an undo
 */
public record ActRecorded(long actId, String profileId, String kind, long unitId, Long submissionId, String refType, Long refId,
		Long reversesId) {
}
