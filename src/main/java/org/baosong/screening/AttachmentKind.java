package org.baosong.screening;

import java.util.Locale;
import java.util.Set;

import org.baosong.mime.MailPart;

/**
 * What an attachment is to a submission. Decided from the type detected by content first, the file
 * name's extension where content detection cannot tell (OLE2 files, OFD which is a zip), and never
 * from the declared type alone: a sender's client can declare anything.
 */
enum AttachmentKind {
	/** A document that can carry a report (one per mail). */
	REPORT,
	/** An image: 配图, never a report. */
	PHOTO,
	/** A spreadsheet or presentation next to the report (附件1：统计表.xlsx); a report only where the profile says so. */
	SUPPORTING,
	/** zip/rar/7z/tar: reports cannot be counted inside archives. */
	ARCHIVE,
	/** Executables, macro documents, anything unknown. */
	UNSUPPORTED;

	private static final Set<String> REPORT_TYPES = Set.of("application/msword",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.template", "application/pdf", "application/rtf", "text/rtf",
			"application/vnd.oasis.opendocument.text", "text/plain", "text/html", "application/xhtml+xml", "application/vnd.ms-works",
			"application/wps-office.wps", "application/ofd");

	private static final Set<String> REPORT_EXTENSIONS = Set.of("doc", "docx", "wps", "wpt", "dot", "dotx", "pdf", "rtf", "odt", "txt",
			"html", "htm", "ofd");

	private static final Set<String> SUPPORTING_TYPES = Set.of("application/vnd.ms-excel",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.oasis.opendocument.spreadsheet",
			"text/csv", "application/vnd.ms-powerpoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation");

	private static final Set<String> SUPPORTING_EXTENSIONS = Set.of("xls", "xlsx", "et", "csv", "ods", "ppt", "pptx", "dps");

	private static final Set<String> ARCHIVE_TYPES = Set.of("application/zip", "application/x-rar-compressed", "application/vnd.rar",
			"application/x-7z-compressed", "application/x-tar", "application/gzip", "application/x-gzip", "application/x-bzip2");

	private static final Set<String> ARCHIVE_EXTENSIONS = Set.of("zip", "rar", "7z", "tar", "gz", "tgz", "bz2");

	/** Containers whose detected type says nothing about the document inside: decide by the extension. */
	private static final Set<String> GENERIC_CONTAINERS = Set.of("application/x-tika-msoffice", "application/x-tika-ooxml",
			"application/x-tika-ooxml-protected",
			"application/octet-stream");

	static AttachmentKind of(MailPart part, boolean spreadsheetsAreReports) {
		String type = lower(part.detectedType() != null ? part.detectedType() : part.declaredType());
		String ext = extension(part.filename() != null ? part.filename() : part.storedName());
		AttachmentKind kind;
		if (type.contains("macroenabled") || type.startsWith("application/x-msdownload") || type.contains("executable")
				|| type.equals("application/x-sh") || type.equals("application/java-archive")) {
			kind = UNSUPPORTED;
		}
		else if (type.startsWith("image/")) {
			kind = PHOTO;
		}
		else if (ARCHIVE_TYPES.contains(type)) {
			kind = ext.equals("ofd") ? REPORT : ARCHIVE_EXTENSIONS.contains(ext) || !REPORT_EXTENSIONS.contains(ext) ? ARCHIVE : REPORT;
		}
		else if (REPORT_TYPES.contains(type)) {
			kind = REPORT;
		}
		else if (SUPPORTING_TYPES.contains(type)) {
			kind = SUPPORTING;
		}
		else if (GENERIC_CONTAINERS.contains(type) || type.isEmpty()) {
			kind = REPORT_EXTENSIONS.contains(ext) ? REPORT : SUPPORTING_EXTENSIONS.contains(ext) ? SUPPORTING
					: ARCHIVE_EXTENSIONS.contains(ext) ? ARCHIVE : UNSUPPORTED;
		}
		else {
			kind = UNSUPPORTED;
		}
		if (kind == SUPPORTING && spreadsheetsAreReports && !ext.startsWith("pp") && !ext.equals("dps")) {
			return REPORT;
		}
		return kind;
	}

	static String extension(String name) {
		if (name == null) {
			return "";
		}
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
	}

	private static String lower(String type) {
		return type == null ? "" : type.toLowerCase(Locale.ROOT);
	}
}
