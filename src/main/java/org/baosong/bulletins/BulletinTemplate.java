package org.baosong.bulletins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;

import org.baosong.common.DocxPlaceholders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;

/**
 * The bulletin template (a DOCX an office edits in Word or WPS, ADR 0025): placeholders such as
 * {@code {{title}}} anywhere, printed in the formatting they have there (ADR 0019's mechanism, {@link
 * DocxPlaceholders}), and one body paragraph holding nothing but {@code {{body}}}, where the tables, charts,
 * alerts and notes of the bulletin go. A body paragraph of nothing but placeholders that all came out empty
 * is left out.
 */
final class BulletinTemplate {

	static final String BODY = "body";

	/** The placeholders a template may use besides {@code {{body}}}. */
	static final Set<String> FIELDS = Set.of("title", "office", "date", "year", "issueNo", "period", "start", "end", "draftMark", "basis",
			"units");

	private static final String PARAGRAPHS = "declare namespace w='" + DocxPlaceholders.W + "' .//w:p";

	/** A template that cannot be filled, saying why. */
	static final class Invalid extends RuntimeException {

		Invalid(String message, Throwable cause) {
			super(message, cause);
		}

		Invalid(String message) {
			super(message);
		}
	}

	/** An opened template: the document, the {@code {{body}}} paragraph, the other paragraphs. */
	record Opened(XWPFDocument doc, CTP body, List<CTP> paragraphs, List<CTP> headers) {

		/** Fills every placeholder; body paragraphs that held only empty placeholders are removed. */
		void substitute(Map<String, String> fields) {
			for (CTP p : paragraphs) {
				if (DocxPlaceholders.substitute(p, fields::get)) {
					remove(p);
				}
			}
			headers.forEach(p -> DocxPlaceholders.substitute(p, fields::get));
		}
	}

	private BulletinTemplate() {
	}

	/** Checks that a template can be filled. */
	static void check(byte[] template) {
		try (var doc = open(template).doc()) {
			// opened and checked
		}
		catch (IOException ex) {
			throw new Invalid("cannot read the DOCX: " + ex.getMessage(), ex);
		}
	}

	/** Opens a template and checks it: one {@code {{body}}} paragraph in the body, no unknown placeholder. */
	static Opened open(byte[] template) {
		XWPFDocument doc;
		try {
			doc = new XWPFDocument(new ByteArrayInputStream(template));
		}
		catch (IOException | RuntimeException ex) {
			throw new Invalid("not a DOCX document (" + ex.getMessage() + ")", ex);
		}
		List<CTP> all = paragraphs(doc.getDocument().getBody());
		all.forEach(DocxPlaceholders::join);
		var headers = new ArrayList<CTP>();
		var parts = new ArrayList<XWPFHeaderFooter>(doc.getHeaderList());
		parts.addAll(doc.getFooterList());
		parts.forEach(part -> headers.addAll(paragraphs(part._getHdrFtr())));
		headers.forEach(DocxPlaceholders::join);

		CTP body = null;
		var others = new ArrayList<CTP>();
		var unknown = new TreeSet<String>();
		for (CTP p : all) {
			List<String> names = DocxPlaceholders.names(p);
			if (names.contains(BODY)) {
				boolean alone = names.equals(List.of(BODY)) && DocxPlaceholders.text(p).strip().matches("\\{\\{\\s*body\\s*}}");
				boolean inBody = p.getDomNode().getParentNode() == doc.getDocument().getBody().getDomNode();
				if (!alone || !inBody) {
					throw new Invalid("{{body}} must stand alone in a paragraph of the body (not in a table, not with other text)");
				}
				if (body != null) {
					throw new Invalid("more than one {{body}} paragraph");
				}
				body = p;
				continue;
			}
			names.stream().filter(n -> !FIELDS.contains(n)).forEach(unknown::add);
			others.add(p);
		}
		headers.forEach(p -> DocxPlaceholders.names(p).stream().filter(n -> !FIELDS.contains(n)).forEach(unknown::add));
		if (body == null) {
			throw new Invalid("no {{body}} paragraph: the bulletin's tables and charts go there");
		}
		if (!unknown.isEmpty()) {
			throw new Invalid("unknown placeholders: " + unknown.stream().map(n -> "{{" + n + "}}").toList() + "; known: {{body}} and "
					+ new TreeSet<>(FIELDS));
		}
		return new Opened(doc, body, others, headers);
	}

	private static List<CTP> paragraphs(XmlObject container) {
		var paragraphs = new ArrayList<CTP>();
		for (XmlObject found : container.selectPath(PARAGRAPHS)) {
			paragraphs.add((CTP) found);
		}
		return paragraphs;
	}

	static void remove(XmlObject element) {
		try (XmlCursor c = element.newCursor()) {
			c.removeXml();
		}
	}
}
