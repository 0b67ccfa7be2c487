package org.baosong.search;

import java.util.List;

/**
 * A piece of a submission's title or text with the parts that matched the search marked. The text is
 * untrusted (it came by mail): {@link #html()} escapes all of it and adds only the {@code <mark>} tags.
 */
public record Highlight(List<Span> spans) {

	public Highlight {
		spans = List.copyOf(spans);
	}

	public record Span(String text, boolean match) {
	}

	public boolean matched() {
		return spans.stream().anyMatch(Span::match);
	}

	/** The plain text, without marks. */
	public String text() {
		var out = new StringBuilder();
		spans.forEach(span -> out.append(span.text()));
		return out.toString();
	}

	/** HTML: the text escaped, the matches in {@code <mark>}. */
	public String html() {
		var out = new StringBuilder();
		for (Span span : spans) {
			if (span.match()) {
				out.append("<mark>");
			}
			escape(span.text(), out);
			if (span.match()) {
				out.append("</mark>");
			}
		}
		return out.toString();
	}

	static void escape(String text, StringBuilder out) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
	}
}
