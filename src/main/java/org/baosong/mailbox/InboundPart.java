package org.baosong.mailbox;

/** A part of a received message as recorded after parsing (attachments, inline images, bodies, forwarded mail). */
public record InboundPart(String partPath, String role, String declaredType, String detectedType, String charset, String filename,
		String storedName, long size, String sha256, String blobRef) {
}
