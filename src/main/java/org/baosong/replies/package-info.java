/**
 * Automatic replies and workflow mail through a transactional outbox: templates, RFC 3834
 * headers, rate limits, SMTP delivery after commit with retries, bounce correlation.
 */
package org.baosong.replies;
