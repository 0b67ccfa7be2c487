/**
 * The audit log: every write made by a person (through the web UI or the API) is recorded with
 * who, when, what and from where. Submission acts are recorded in {@code submission_event} too.
 */

package org.baosong.audit;
