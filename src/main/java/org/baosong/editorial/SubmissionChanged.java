package org.baosong.editorial;

/**
 * Published (inside the writing transaction) whenever a submission is filed or changed: its fields,
 * text or state. Listeners that keep copies (the search index) react after commit.
 */
public record SubmissionChanged(long submissionId) {
}
