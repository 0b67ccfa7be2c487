package org.baosong.extraction.parse;

import java.util.List;

import org.baosong.extraction.ExtractionStatus;

/**
 * The raw structure a parser process hands back: text per page, headings, header/footer text.
 * Normalization, title choice and counting happen in the gateway, so the rules for them live in
 * one place whatever the mode.
 *
 * @param paged     true when the pages came from the format itself (PDF, OFD); otherwise {@code pages} holds one element
 * @param pageCount from the document's statistics or its pages; 0 when unknown
 */
public record ParsedDocument(
		ExtractionStatus status,
		String detectedType,
		String metadataTitle,
		List<String> pages,
		boolean paged,
		List<String> headings,
		String headerFooter,
		int pageCount,
		boolean truncated,
		boolean encrypted,
		List<String> warnings) {

	public ParsedDocument {
		pages = List.copyOf(pages);
		headings = List.copyOf(headings);
		headerFooter = headerFooter == null ? "" : headerFooter;
		warnings = List.copyOf(warnings);
	}

	public static ParsedDocument failure(ExtractionStatus status, String detectedType, String warning) {
		return new ParsedDocument(status, detectedType, null, List.of(), false, List.of(), "", 0, false,
				status == ExtractionStatus.ENCRYPTED, List.of(warning));
	}
}
