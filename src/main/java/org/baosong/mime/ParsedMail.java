package org.baosong.mime;

import java.time.Instant;
import java.util.List;

/**
 * A message as the rules need it (spec/intake.md, Parsing): decoded addresses and subject, the
 * headers the automatic-mail and authentication rules read, the text body (text/plain preferred,
 * else the HTML converted to text), the HTML kept for display, and the parts, each archived.
 *
 * @param from                  every From header's addresses, in order (more than one is a finding)
 * @param textBody              the body as text; {@code textTruncated} says whether it was cut at the limit
 * @param htmlBody              the HTML body as sent, for display after sanitizing; null when none
 * @param nestedMessages        message/rfc822 parts (forwarded mail): their subject and sender
 * @param decodingNotes         how headers and bodies were decoded where that was not plain ASCII or as labelled
 */
public record ParsedMail(
		List<MailAddress> from, MailAddress sender, List<MailAddress> replyTo, String returnPath,
		List<MailAddress> to, List<MailAddress> cc,
		Instant date, String messageId, String inReplyTo, List<String> references,
		String subject,
		AutoResponseHeaders autoResponse, List<String> authenticationResults,
		String topContentType, String reportType,
		String textBody, boolean textTruncated, String htmlBody,
		List<MailPart> attachments, List<MailPart> inlineImages, List<NestedMessage> nestedMessages, List<MailPart> bodies,
		int headerCount, int partCount, List<String> decodingNotes) {

	/** The headers by which automatic mail gives itself away (RFC 3834 and common practice). */
	public record AutoResponseHeaders(String autoSubmitted, String precedence, String xAutoResponseSuppress, String listId,
			List<String> xLoop) {
	}

	/** A message attached to this one (a forward): who sent it and what it said in its subject. */
	public record NestedMessage(MailPart part, String subject, List<MailAddress> from) {
	}
}
