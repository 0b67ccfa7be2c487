package org.baosong.editorial;

/**
 * An act (or the reversal of one) is about to be written, in the transaction that will write it: listeners
 * that derive from the act stream (the score ledger) take their locks here, before the new row exists, so that
 * two transactions recording acts about the same submission or row are serialized in one order.
 *
 * @param reversesId the act being reversed, for an undo
 */
public record ActRecording(String profileId, String kind, long unitId, Long submissionId, String refType, Long refId, Long reversesId) {
}
