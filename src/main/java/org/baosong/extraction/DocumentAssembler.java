package org.baosong.extraction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.baosong.extraction.parse.ParsedDocument;

/**
 * Turns a parser's raw structure into the stored result: normalized text, the title, the first
 * page for the classified-marking check, the counts, and whether a PDF has a text layer.
 */
final class DocumentAssembler {

	/** Titles that word processors fill in by themselves and that name nothing. */
	private static final Pattern PLACEHOLDER_TITLE = Pattern.compile(
			"(?i)(untitled.*|无标题.*|microsoft word - .*|document\\d*|文档\\d*|新建.*文档.*|\\s*)");

	/** Fewer non-space characters than this per page and a PDF has no real text layer (scanned). */
	private static final int TEXT_LAYER_CHARS_PER_PAGE = 10;

	private final int firstPageLines;

	DocumentAssembler(int firstPageLines) {
		this.firstPageLines = firstPageLines;
	}

	ExtractedText assemble(ParsedDocument doc, String declaredType) {
		if (doc.status() != ExtractionStatus.OK) {
			return ExtractedText.failed(doc.status(), doc.detectedType(), declaredType, doc.warnings());
		}
		List<List<String>> pages = new ArrayList<>();
		List<String> trailing = new ArrayList<>();
		for (String page : doc.pages()) {
			// a PDF's outline and form fields come after its pages: text, but not a page of its own
			if (doc.paged() && doc.pageCount() > 0 && pages.size() >= doc.pageCount()) {
				trailing.addAll(TextNormalizer.lines(page));
			}
			else {
				pages.add(TextNormalizer.lines(page));
			}
		}
		Set<String> furniture = new LinkedHashSet<>(TextNormalizer.lines(doc.headerFooter()));
		List<List<String>> bodies = TextNormalizer.removeFurniture(pages, doc.paged(), furniture);
		List<String> all = new ArrayList<>();
		bodies.forEach(all::addAll);
		Set<String> seen = new java.util.HashSet<>(all);
		trailing.stream().filter(seen::add).forEach(all::add);
		String text = String.join("\n", all);
		List<String> warnings = new ArrayList<>(doc.warnings());
		boolean textLayer = true;
		if ("application/pdf".equals(doc.detectedType())) {
			long visible = text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
			if (visible < (long) TEXT_LAYER_CHARS_PER_PAGE * Math.max(1, doc.pageCount())) {
				textLayer = false;
				warnings.add("PDF without a text layer (scanned?): its text cannot be read");
			}
		}
		return new ExtractedText(ExtractionStatus.OK, doc.detectedType(), declaredType,
				title(doc, all), text, firstPage(doc.paged(), bodies, all), String.join("\n", furniture),
				doc.pageCount(), ChineseCharCounter.count(text), doc.truncated(), false, textLayer, warnings);
	}

	/** The title property, else the first heading, else the first non-empty line. */
	static String title(ParsedDocument doc, List<String> lines) {
		String property = doc.metadataTitle() == null ? "" : TextNormalizer.lines(doc.metadataTitle()).stream()
			.reduce((a, b) -> a + " " + b)
			.orElse("");
		if (!PLACEHOLDER_TITLE.matcher(property).matches() && !looksLikeFileName(property)) {
			return property;
		}
		for (String heading : doc.headings()) {
			List<String> h = TextNormalizer.lines(heading);
			if (!h.isEmpty()) {
				return String.join("", h);
			}
		}
		return lines.isEmpty() ? null : lines.get(0);
	}

	private static boolean looksLikeFileName(String title) {
		return title.toLowerCase(Locale.ROOT).matches(".*\\.(docx?|wps|wpt|dotx?|pdf|rtf|odt|txt|html?|ofd)");
	}

	/**
	 * Where a 密级 marking is printed: the first page of a paged format; the first lines otherwise
	 * (Word files carry no page breaks we can trust: pagination is done by the word processor).
	 */
	private String firstPage(boolean paged, List<List<String>> bodies, List<String> all) {
		List<String> lines = paged && !bodies.isEmpty() ? bodies.get(0) : all;
		return String.join("\n", lines.subList(0, Math.min(lines.size(), paged ? lines.size() : firstPageLines)));
	}
}
