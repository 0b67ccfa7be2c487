package org.baosong.extraction;

/**
 * Pulls the text, title and counts out of an attachment. The bean the rest of the gateway injects
 * is the decorated, isolated implementation: type filter, then cache by SHA-256, then Tika in a
 * forked parser process.
 */
public interface TextExtractor {

	/**
	 * True for the content types this extractor reads: the report-bearing documents (doc, docx,
	 * wps, wpt, dot, dotx, pdf, rtf, odt, txt, html, ofd) and {@code application/octet-stream},
	 * because mail clients often send .wps and .ofd files that way; the content decides then.
	 */
	boolean applicable(String contentType);

	/** Reads the blob from the archive (BlobStore) by its SHA-256. Never throws for a bad file: the status says what happened. */
	ExtractedText extract(String sha256, String declaredType, String fileName);
}
