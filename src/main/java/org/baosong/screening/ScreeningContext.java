package org.baosong.screening;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baosong.mime.MailPart;
import org.baosong.mime.ParsedMail;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.registry.CachedRegistry;
import org.baosong.registry.SenderMatch;
import org.baosong.registry.Unit;
import org.baosong.extraction.ExtractedText;
import org.baosong.extraction.ExtractionStatus;
import org.baosong.extraction.TextExtractor;

/** What the rules look at, with the lookups they share computed once. */
final class ScreeningContext {

	final ScreeningInput input;

	private final CachedRegistry registry;

	private Optional<SenderMatch> sender;

	private Map<AttachmentKind, List<MailPart>> attachments;

	private final SubjectParser parser;

	private final TextExtractor extractor;

	private final Map<String, ExtractedText> extracted = new java.util.LinkedHashMap<>();

	private SubjectParse subject;

	private Optional<Unit> subjectUnit;

	ScreeningContext(ScreeningInput input, CachedRegistry registry, SubjectParser parser, TextExtractor extractor) {
		this.input = input;
		this.registry = registry;
		this.parser = parser;
		this.extractor = extractor;
	}

	/** The extracted text of a document attachment, extracted once (and cached by content hash in the extractor). */
	ExtractedText extraction(MailPart part) {
		return extracted.computeIfAbsent(part.sha256(), sha -> extractor.extract(sha, part.declaredType(), part.filename()));
	}

	/** The attachments whose text is read: the report and the documents beside it (not photos). */
	List<MailPart> documents() {
		var documents = new ArrayList<MailPart>(reports());
		documents.addAll(attachments().get(AttachmentKind.SUPPORTING));
		return documents;
	}

	/** What extraction found per attachment (sha256 -> text), for filing. */
	Map<String, ExtractedText> extractions() {
		return java.util.Collections.unmodifiableMap(extracted);
	}

	/** The subject line read by the profile's grammar. */
	SubjectParse subject() {
		if (subject == null) {
			subject = parser.parse(mail().subject(), input.receivedOn());
		}
		return subject;
	}

	/** The registered unit the subject names, if it names one. */
	Optional<Unit> subjectUnit() {
		if (subjectUnit == null) {
			var line = subject().line();
			subjectUnit = line == null || line.unitText() == null ? Optional.empty() : registry.unitByNameOrAlias(line.unitText());
		}
		return subjectUnit;
	}

	ParsedMail mail() {
		return input.mail();
	}

	JurisdictionProfile profile() {
		return input.profile();
	}

	/** The registered informant of the (first) From address, active or not. */
	Optional<SenderMatch> sender() {
		if (sender == null) {
			sender = mail().from().isEmpty() ? Optional.empty() : registry.informantByAddress(mail().from().get(0).address());
		}
		return sender;
	}

	/** The attachments by what they are to a submission. */
	Map<AttachmentKind, List<MailPart>> attachments() {
		if (attachments == null) {
			attachments = new EnumMap<>(AttachmentKind.class);
			for (AttachmentKind kind : AttachmentKind.values()) {
				attachments.put(kind, new ArrayList<>());
			}
			boolean spreadsheets = profile().rules().spreadsheetsAreReports();
			mail().attachments().forEach(part -> attachments.get(AttachmentKind.of(part, spreadsheets)).add(part));
		}
		return attachments;
	}

	List<MailPart> reports() {
		return attachments().get(AttachmentKind.REPORT);
	}

	/**
	 * The report's text: the body for a body-only report; the attached report's extracted text otherwise
	 * (null when it could not be read, or when there is more than one report).
	 */
	String reportText() {
		if (reports().isEmpty()) {
			return ownBody();
		}
		if (reports().size() > 1) {
			return null;
		}
		var text = extraction(reports().get(0));
		return text.status() == ExtractionStatus.OK ? text.text() : null;
	}

	/** The body as the sender wrote it for this mail: without quoted text, signature and disclaimers. */
	String ownBody() {
		return BodyText.own(mail().textBody());
	}
}
