package org.baosong.extraction.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML events into the structure the gateway needs: body text per page
 * ({@code <div class="page">} from PDF and OFD), header/footer text ({@code <div class="header">},
 * {@code "footer"} from Word), and headings. Counts what it keeps against the write limit and
 * publishes the count for the no-progress watchdog.
 */
final class StructureHandler extends DefaultHandler {

	private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
			"table", "blockquote", "pre", "dd", "dt", "ul", "ol", "section", "article", "title");

	private static final int MAX_HEADINGS = 5;

	private final int writeLimit;

	private final AtomicLong progress;

	private final List<String> pages = new ArrayList<>();

	private final StringBuilder page = new StringBuilder();

	private final StringBuilder headerFooter = new StringBuilder();

	private final List<String> headings = new ArrayList<>();

	private final StringBuilder heading = new StringBuilder();

	/** For each open div: what it was, so the matching end tag closes the right thing. */
	private final Deque<String> divs = new ArrayDeque<>();

	private boolean paged;

	private int inHeaderFooter;

	private int inHeading;

	private int skipped;

	private long written;

	private boolean truncated;

	StructureHandler(int writeLimit, AtomicLong progress) {
		this.writeLimit = writeLimit;
		this.progress = progress;
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
		String name = localName.isEmpty() ? qName : localName;
		switch (name) {
			case "head", "style", "script" -> skipped++;
			case "div" -> {
				String cls = String.valueOf(atts.getValue("class"));
				divs.push(cls);
				if (cls.equals("page")) {
					if (!page.toString().isBlank()) {
						pages.add(page.toString());
					}
					page.setLength(0);
					paged = true;
				}
				else if (cls.equals("header") || cls.equals("footer")) {
					inHeaderFooter++;
				}
			}
			case "h1", "h2", "h3", "h4", "h5", "h6" -> inHeading++;
			default -> {
			}
		}
		if (name.equals("br")) {
			newline();
		}
	}

	@Override
	public void endElement(String uri, String localName, String qName) throws SAXException {
		String name = localName.isEmpty() ? qName : localName;
		switch (name) {
			case "head", "style", "script" -> skipped--;
			case "div" -> {
				String cls = divs.isEmpty() ? "" : divs.pop();
				if (cls.equals("page")) {
					pages.add(page.toString());
					page.setLength(0);
				}
				else if (cls.equals("header") || cls.equals("footer")) {
					inHeaderFooter--;
					headerFooter.append('\n');
				}
			}
			case "h1", "h2", "h3", "h4", "h5", "h6" -> {
				inHeading--;
				if (inHeading == 0) {
					String h = heading.toString().strip();
					if (!h.isEmpty() && headings.size() < MAX_HEADINGS) {
						headings.add(h);
					}
					heading.setLength(0);
				}
			}
			case "td", "th" -> append("\t", 1);
			default -> {
			}
		}
		if (BLOCKS.contains(name)) {
			newline();
		}
	}

	@Override
	public void characters(char[] ch, int start, int length) throws SAXException {
		if (skipped > 0) {
			return;
		}
		if (inHeaderFooter > 0) {
			if (headerFooter.length() < writeLimit) {
				headerFooter.append(ch, start, Math.min(length, writeLimit - headerFooter.length()));
			}
			return;
		}
		if (inHeading > 0 && heading.length() < 1000) {
			heading.append(ch, start, Math.min(length, 1000 - heading.length()));
		}
		append(new String(ch, start, length), length);
	}

	@Override
	public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
		characters(ch, start, length);
	}

	private void newline() throws SAXException {
		if (skipped == 0 && inHeaderFooter == 0) {
			append("\n", 1);
		}
	}

	private void append(String s, int length) throws SAXException {
		if (inHeaderFooter > 0) {
			return;
		}
		long room = writeLimit - written;
		if (length > room) {
			page.append(s, 0, (int) Math.max(0, room));
			written = writeLimit;
			truncated = true;
			throw new WriteLimitReached();
		}
		page.append(s);
		written += length;
		progress.set(written);
	}

	/** Closes the last page; call once after parsing, whatever the outcome. */
	void finish() {
		if (!page.toString().isBlank() || pages.isEmpty()) {
			pages.add(page.toString());
			page.setLength(0);
		}
	}

	List<String> pages() {
		return pages;
	}

	boolean paged() {
		return paged;
	}

	List<String> headings() {
		return headings;
	}

	String headerFooter() {
		return headerFooter.toString();
	}

	boolean truncated() {
		return truncated;
	}

	/** Stops the parser when the write limit is reached; recognized in the cause chain. */
	static final class WriteLimitReached extends SAXException {

		private static final long serialVersionUID = 1L;

		WriteLimitReached() {
			super("write limit reached");
		}
	}
}
