package org.baosong.screening;

import java.util.List;

import org.baosong.mime.MailPart;
import org.baosong.registry.SenderMatch;
import org.baosong.registry.Unit;

/**
 * The verdict with what the rules established on the way, for filing and replies: the subject line (when
 * it could be read), the registered sender, the unit the message counts for, each attachment's role, and the
 * report's text where it is known (the body of a body-only report).
 */
public record Screened(Verdict verdict, SubjectLine subject, SenderMatch sender, Unit unit, List<Attachment> attachments,
		String reportText, java.util.Map<String, org.baosong.extraction.ExtractedText> extractions) {

	/** @param role REPORT, PHOTO, SUPPORTING, ARCHIVE or UNSUPPORTED */
	public record Attachment(MailPart part, String role) {
	}
}
