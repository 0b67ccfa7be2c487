package org.baosong.extraction.parse;

import java.util.Locale;
import java.util.Set;

/** The document types a report may come in, as Tika names them after detection by content. */
public final class DocumentTypes {

	public static final String OFD = "application/ofd";

	/**
	 * Read for text. WPS Writer .wps/.wpt files and Word .dot templates are OLE2 files with a Word
	 * stream: Tika detects them as application/msword, which is how they are read.
	 */
	private static final Set<String> ACCEPTED = Set.of("application/msword",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.template", "application/pdf",
			"application/rtf", "text/rtf", "application/vnd.oasis.opendocument.text",
			"application/vnd.oasis.opendocument.text-template", "text/plain", "text/html", "application/xhtml+xml", OFD);

	/** Declared types that mean one of the above, as mail clients send them. */
	private static final Set<String> DECLARED_ALIASES = Set.of("application/wps-office.wps",
			"application/wps-office.wpt", "application/wps-office.doc", "application/wps-office.docx",
			"application/kswps", "application/vnd.ms-works", "application/x-ofd", "application/vnd.ofd",
			"application/octet-stream", "application/x-download", "application/x-msdownload-doc",
			"application/vnd.ms-word", "application/x-msword", "application/doc", "application/x-rtf", "application/x-pdf");

	private static final Set<String> MACRO = Set.of("application/vnd.ms-word.document.macroenabled.12",
			"application/vnd.ms-word.template.macroenabled.12", "application/vnd.ms-excel.sheet.macroenabled.12",
			"application/vnd.ms-powerpoint.presentation.macroenabled.12");

	/** Encrypted OOXML: an OLE2 wrapper around the encrypted package. */
	private static final Set<String> ENCRYPTED = Set.of("application/x-tika-ooxml-protected");

	private DocumentTypes() {
	}

	public static String base(String contentType) {
		if (contentType == null) {
			return "";
		}
		int semicolon = contentType.indexOf(';');
		return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
	}

	public static boolean accepted(String detectedType) {
		return ACCEPTED.contains(base(detectedType));
	}

	/** A declared type worth handing to the parser: a document type, or one that says nothing. */
	public static boolean worthParsing(String declaredType) {
		String base = base(declaredType);
		return base.isEmpty() || ACCEPTED.contains(base) || DECLARED_ALIASES.contains(base) || MACRO.contains(base);
	}

	public static boolean macro(String detectedType) {
		return MACRO.contains(base(detectedType));
	}

	public static boolean encryptedContainer(String detectedType) {
		return ENCRYPTED.contains(base(detectedType));
	}
}
