package org.baosong.mime;

/**
 * A leaf part of a message that is kept: an attachment, an inline image, a nested message or a text body.
 *
 * @param path         position in the MIME tree, e.g. {@code 1.2} (the top entity is {@code 1})
 * @param role         what the part is to the message
 * @param filename     the decoded original name as the sender's client showed it, for display; may be null
 * @param storedName   the same name made safe for a file system (no separators, no control characters)
 * @param declaredType the media type the message declares (type/subtype, lower case)
 * @param detectedType the media type detected from the content (attachments and inline images), else null
 * @param charset      the charset the text was decoded with (text bodies), else null
 * @param contentId    the Content-ID without angle brackets, else null
 * @param sha256       the archive blob holding the decoded content
 */
public record MailPart(String path, Role role, String filename, String storedName, String declaredType, String detectedType,
		String charset, String contentId, long size, String sha256) {

	public enum Role {
		TEXT, HTML, ATTACHMENT, INLINE, NESTED_MESSAGE
	}
}
