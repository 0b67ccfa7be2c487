package org.baosong.extraction;

import java.text.Normalizer;
import java.util.List;

/**
 * What was read from one attachment.
 *
 * @param status       how the extraction ended
 * @param detectedType the type by content (Tika's detection, the file name is not consulted)
 * @param declaredType the type the mail declared, kept for comparison
 * @param title        the document's title property, else its first heading, else its first non-empty line; may be null
 * @param text         normalized text (see docs/extraction.md); "" when none, never null
 * @param firstPage    text of the first page (paged formats) or the first lines, for 密级 markings
 * @param headerFooter page header and footer text, "" when none
 * @param pageCount    pages, 0 when unknown
 * @param charCount    characters as Word and WPS count 字数: each Chinese character and full-width
 *                     punctuation mark counts one, each run of other non-space characters (a word,
 *                     a number like 3.1) counts one, whitespace counts nothing
 * @param truncated    the write limit or an embedded-document limit cut the text short
 * @param encrypted    password-protected: the text could not be read
 * @param textLayer    false for a PDF without a text layer (scanned)
 * @param warnings     what went wrong or was odd, for the administrator
 */
public record ExtractedText(
		ExtractionStatus status,
		String detectedType,
		String declaredType,
		String title,
		String text,
		String firstPage,
		String headerFooter,
		int pageCount,
		int charCount,
		boolean truncated,
		boolean encrypted,
		boolean textLayer,
		List<String> warnings) {

	public ExtractedText {
		text = text == null ? "" : text;
		firstPage = firstPage == null ? "" : firstPage;
		headerFooter = headerFooter == null ? "" : headerFooter;
		warnings = warnings == null ? List.of() : List.copyOf(warnings);
	}

	/**
	 * True when the whole text was read: the classified-marking rule fails closed otherwise. A
	 * scanned PDF counts as not read: a marking printed in the image cannot be seen.
	 */
	public boolean complete() {
		return status == ExtractionStatus.OK && !truncated && !encrypted && textLayer;
	}

	/** A result without text for a file that could not be read. */
	public static ExtractedText failed(ExtractionStatus status, String detectedType, String declaredType, List<String> warnings) {
		return new ExtractedText(status, detectedType, declaredType, null, "", "", "", 0, 0, false,
				status == ExtractionStatus.ENCRYPTED, true, warnings);
	}

	/** The same result for another declared type (a cache hit from a different mail). */
	public ExtractedText withDeclaredType(String declared) {
		return new ExtractedText(status, detectedType, declared, title, text, firstPage, headerFooter, pageCount,
				charCount, truncated, encrypted, textLayer, warnings);
	}

	/**
	 * The stored text keeps full-width and half-width forms as the author wrote them; comparisons
	 * (duplicates, markings) use this form: NFKC folds full-width letters, digits and ★ variants,
	 * and all whitespace is dropped because PDF extraction breaks lines inside sentences.
	 */
	public static String comparable(String s) {
		if (s == null) {
			return "";
		}
		return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
	}
}
