package org.baosong.editorial.docx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.namespace.QName;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.baosong.common.DocxPlaceholders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;

/**
 * Fills an issue template (a DOCX an office made in Word or WPS) with an issue. The template holds
 * placeholders such as {@code {{journal}}} in its text, each in the formatting it is to be printed in;
 * a paragraph {@code {{#items}}} and a paragraph {@code {{/items}}} enclose the paragraphs printed once
 * per item, in which a paragraph holding {@code {{item.text}}} is printed once per paragraph of the
 * item's text (what stands before the placeholder only on the first, what follows only on the last, so
 * {@code {{item.text}}〔{{item.unit}}〕} ends the last paragraph with the unit). A paragraph that holds
 * nothing but placeholders, all empty, is left out (the page header's is kept). Word may split a
 * placeholder over several runs of text; it is joined into the first run before it is filled.
 */
final class IssueTemplate {

	static final String W = DocxPlaceholders.W;

	private static final String PARAGRAPHS = "declare namespace w='" + W + "' .//w:p";

	static final String START = "#items", END = "/items", TEXT = "item.text";

	/** The issue's placeholders, anywhere in the document. */
	static final Set<String> ISSUE_FIELDS = Set.of("journal", "year", "issueNo", "date", "office", "draftMark", "count");

	/** The item's placeholders, inside the item block. */
	static final Set<String> ITEM_FIELDS = Set.of("item.no", "item.title", TEXT, "item.unit", "item.unitName", "item.placement");

	static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	/** What an issue prints. */
	record Content(String journal, int year, int issueNo, LocalDate date, String office, boolean draft, List<Item> items) {

		Map<String, String> fields() {
			var fields = new HashMap<String, String>();
			fields.put("journal", journal);
			fields.put("year", String.valueOf(year));
			fields.put("issueNo", String.valueOf(issueNo));
			fields.put("date", date.format(CHINESE_DATE));
			fields.put("office", office);
			fields.put("draftMark", draft ? "草稿" : "");
			fields.put("count", String.valueOf(items.size()));
			return fields;
		}
	}

	/**
	 * One item.
	 *
	 * @param unit     the unit as printed after the text (its short name)
	 * @param unitName the unit's full name
	 */
	record Item(String title, List<String> paragraphs, String unit, String unitName, String placement) {

		Map<String, String> fields(int number) {
			var fields = new HashMap<String, String>();
			fields.put("item.no", String.valueOf(number));
			fields.put("item.title", java.util.Objects.toString(title, "").replaceAll("\\s*\\R\\s*", " "));
			fields.put("item.unit", java.util.Objects.toString(unit, ""));
			fields.put("item.unitName", java.util.Objects.toString(unitName, ""));
			fields.put("item.placement", java.util.Objects.toString(placement, ""));
			return fields;
		}
	}

	/** A template that cannot be filled, saying why. */
	static final class Invalid extends RuntimeException {

		Invalid(String message) {
			super(message);
		}

		Invalid(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private IssueTemplate() {
	}

	/** Checks that a template can be filled: a DOCX with one item block holding the title and the text, and no unknown placeholder. */
	static void check(byte[] template) {
		try (var doc = open(template)) {
			structure(doc);
		}
		catch (IOException ex) {
			throw new Invalid("cannot read the DOCX: " + ex.getMessage(), ex);
		}
	}

	static byte[] fill(byte[] template, Content content) {
		try (var doc = open(template)) {
			Block block = structure(doc);
			Map<String, String> issue = content.fields();
			for (CTP p : block.outside()) {
				if (DocxPlaceholders.substitute(p, issue::get)) {
					remove(p);
				}
			}
			for (CTP p : headersAndFooters(doc)) {
				DocxPlaceholders.substitute(p, issue::get);
			}
			for (CTP p : block.prototypes()) {
				DocxPlaceholders.substitute(p, issue::get);
			}
			items(block, content.items());
			var out = new ByteArrayOutputStream();
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new Invalid("cannot write the DOCX: " + ex.getMessage(), ex);
		}
	}

	private static XWPFDocument open(byte[] template) {
		try {
			return new XWPFDocument(new ByteArrayInputStream(template));
		}
		catch (IOException | RuntimeException ex) {
			throw new Invalid("not a DOCX document (" + ex.getMessage() + ")", ex);
		}
	}

	/** The body's paragraphs outside the item block, the markers, the block's paragraphs. */
	private record Block(CTP start, List<CTP> prototypes, CTP end, List<CTP> outside) {
	}

	/** Joins split placeholders everywhere, then finds the item block and checks the placeholders. */
	private static Block structure(XWPFDocument doc) {
		CTBody body = doc.getDocument().getBody();
		List<CTP> all = paragraphs(body);
		all.forEach(DocxPlaceholders::join);
		List<CTP> headers = headersAndFooters(doc);
		headers.forEach(DocxPlaceholders::join);

		List<XmlObject> children = children(body);
		int start = -1;
		int end = -1;
		for (int i = 0; i < children.size(); i++) {
			if (children.get(i) instanceof CTP p && isMarker(p, START)) {
				if (start >= 0) {
					throw new Invalid("more than one {{#items}} paragraph");
				}
				start = i;
			}
			else if (children.get(i) instanceof CTP p && isMarker(p, END)) {
				if (end >= 0) {
					throw new Invalid("more than one {{/items}} paragraph");
				}
				end = i;
			}
		}
		if (start < 0 || end < start) {
			throw new Invalid("no item block: a paragraph {{#items}} followed by a paragraph {{/items}}, each alone on its line in the body");
		}
		var prototypes = new ArrayList<CTP>();
		for (XmlObject child : children.subList(start + 1, end)) {
			if (!(child instanceof CTP p)) {
				throw new Invalid("the item block holds something other than paragraphs (a table?)");
			}
			prototypes.add(p);
		}
		var inBlock = new TreeSet<String>();
		for (CTP p : prototypes) {
			List<String> names = DocxPlaceholders.names(p);
			if (names.stream().filter(TEXT::equals).count() > 1) {
				throw new Invalid("{{item.text}} twice in one paragraph");
			}
			inBlock.addAll(names);
		}
		if (!inBlock.contains("item.title") || !inBlock.contains(TEXT)) {
			throw new Invalid("the item block needs {{item.title}} and {{item.text}}");
		}
		var unknown = new TreeSet<String>();
		inBlock.stream().filter(n -> !ISSUE_FIELDS.contains(n) && !ITEM_FIELDS.contains(n)).forEach(unknown::add);
		CTP startMarker = (CTP) children.get(start);
		CTP endMarker = (CTP) children.get(end);
		var outside = new ArrayList<CTP>();
		for (CTP p : all) {
			if (!p.equals(startMarker) && !p.equals(endMarker) && !prototypes.contains(p)) {
				outside.add(p);
			}
		}
		for (CTP p : outside) {
			DocxPlaceholders.names(p).stream().filter(n -> !ISSUE_FIELDS.contains(n)).forEach(unknown::add);
		}
		headers.forEach(p -> DocxPlaceholders.names(p).stream().filter(n -> !ISSUE_FIELDS.contains(n)).forEach(unknown::add));
		if (!unknown.isEmpty()) {
			throw new Invalid("unknown placeholders (or item placeholders outside the item block): "
					+ unknown.stream().map(n -> "{{" + n + "}}").toList() + "; known: " + new TreeSet<>(ISSUE_FIELDS) + " and, in the block, "
					+ new TreeSet<>(ITEM_FIELDS));
		}
		return new Block(startMarker, prototypes, endMarker, outside);
	}

	/** Prints the block once per item before the end marker, then removes the markers and the block's paragraphs. */
	private static void items(Block block, List<Item> items) {
		try (XmlCursor at = block.end().newCursor()) {
			for (int i = 0; i < items.size(); i++) {
				Item item = items.get(i);
				Map<String, String> fields = item.fields(i + 1);
				for (CTP prototype : block.prototypes()) {
					if (!DocxPlaceholders.names(prototype).contains(TEXT)) {
						CTP p = insertCopy(at, prototype);
						if (DocxPlaceholders.substitute(p, fields::get)) {
							remove(p);
						}
						continue;
					}
					List<String> paragraphs = item.paragraphs().isEmpty() ? List.of("") : item.paragraphs();
					for (int k = 0; k < paragraphs.size(); k++) {
						CTP p = insertCopy(at, prototype);
						DocxPlaceholders.substitute(p, name -> TEXT.equals(name) ? DocxPlaceholders.SLOT : fields.get(name));
						DocxPlaceholders.cutAround(p, k > 0, k < paragraphs.size() - 1);
						DocxPlaceholders.fill(p, paragraphs.get(k));
					}
				}
			}
		}
		remove(block.start());
		block.prototypes().forEach(IssueTemplate::remove);
		remove(block.end());
	}

	/** A copy of the paragraph, inserted where the cursor is (before the element it stands on). */
	private static CTP insertCopy(XmlCursor at, CTP prototype) {
		at.beginElement(new QName(W, "p"));
		at.toParent();
		CTP copy = (CTP) at.getObject();
		copy.set(prototype);
		at.toNextSibling();
		return copy;
	}

	private static boolean isMarker(CTP p, String name) {
		return DocxPlaceholders.PLACEHOLDER.matcher(DocxPlaceholders.text(p).strip()).matches() && DocxPlaceholders.names(p).equals(List.of(name));
	}

	private static List<CTP> paragraphs(XmlObject container) {
		var paragraphs = new ArrayList<CTP>();
		for (XmlObject found : container.selectPath(PARAGRAPHS)) {
			paragraphs.add((CTP) found);
		}
		return paragraphs;
	}

	private static List<CTP> headersAndFooters(XWPFDocument doc) {
		var paragraphs = new ArrayList<CTP>();
		var parts = new ArrayList<XWPFHeaderFooter>(doc.getHeaderList());
		parts.addAll(doc.getFooterList());
		for (XWPFHeaderFooter part : parts) {
			paragraphs.addAll(paragraphs(part._getHdrFtr()));
		}
		return paragraphs;
	}

	private static List<XmlObject> children(CTBody body) {
		var children = new ArrayList<XmlObject>();
		try (XmlCursor c = body.newCursor()) {
			if (c.toFirstChild()) {
				do {
					children.add(c.getObject());
				}
				while (c.toNextSibling());
			}
		}
		return children;
	}

	private static void remove(XmlObject element) {
		try (XmlCursor c = element.newCursor()) {
			c.removeXml();
		}
	}
}
