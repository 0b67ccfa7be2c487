package org.baosong.editorial;

/**
 * A submission was filed or changed (its text, title, state, flags ...). Published inside the write's
 * transaction; listeners that keep copies (the search index) act after the commit and read the
 * submission again, so the event carries only the id.
 */
public record SubmissionChanged(long submissionId) {
}
