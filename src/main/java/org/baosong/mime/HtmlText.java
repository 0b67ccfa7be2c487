package org.baosong.mime;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** The visible text of an HTML body, with line breaks where blocks and {@code <br>} are. */
final class HtmlText {

	private HtmlText() {
	}

	static String toText(String html) {
		Document doc = Jsoup.parse(html);
		doc.select("script, style, head, title").remove();
		var out = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode text) {
					out.append(text.text());
				}
				else if (node instanceof Element element && (element.nameIs("br") || element.isBlock())) {
					newline(out);
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && element.isBlock()) {
					newline(out);
				}
			}
		}, doc.body() == null ? doc : doc.body());
		return out.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}

	private static void newline(StringBuilder out) {
		if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
			out.append('\n');
		}
	}
}
