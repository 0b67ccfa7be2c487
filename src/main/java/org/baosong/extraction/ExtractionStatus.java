package org.baosong.extraction;

/** How an extraction ended; the screening rules map each to a reason code. */
public enum ExtractionStatus {
	/** Text read (possibly truncated: see {@link ExtractedText#truncated()}). */
	OK,
	/** Password-protected: ENCRYPTED_ATTACHMENT. */
	ENCRYPTED,
	/** Not a document type we accept, or a macro document: UNSUPPORTED_ATTACHMENT. */
	UNSUPPORTED,
	/** Per-file or no-progress timeout: EXTRACTION_TIMEOUT. */
	TIMEOUT,
	/** Damaged or hostile file, parser crash, memory cap: EXTRACTION_FAILED. */
	FAILED
}
