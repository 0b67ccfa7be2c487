package org.baosong.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;

/**
 * The {@code {{name}}} placeholders in the text of one paragraph of a DOCX, worked on as the text
 * elements ({@code w:t}) of its runs, so that every run keeps its formatting.
 */
public final class DocxPlaceholders {

	/** The WordprocessingML namespace. */
	public static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

	public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([#/]?[A-Za-z][A-Za-z.]*)\\s*}}");

	/** Where an item's text goes while the paragraph around it is cut (a private-use character). */
	public static final String SLOT = "\uE000";

	/** Characters XML 1.0 cannot hold (control characters an extracted text may carry): Word would not open the file. */
	private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

	private static final String TEXTS = "declare namespace w='" + W + "' .//w:t";

	private DocxPlaceholders() {
	}

	/**
	 * Keeps of a paragraph holding the {@link #SLOT} what is to print around one paragraph of an item's
	 * text: blanks what stands before the slot (not the first paragraph) and what follows it (not the last).
	 */
	public static void cutAround(CTP p, boolean before, boolean after) {
		List<CTText> texts = texts(p);
		int slot = -1;
		for (int i = 0; i < texts.size(); i++) {
			if (texts.get(i).getStringValue().contains(SLOT)) {
				slot = i;
			}
		}
		for (int i = 0; i < texts.size(); i++) {
			String value = texts.get(i).getStringValue();
			if ((before && i < slot) || (after && i > slot)) {
				set(texts.get(i), "");
			}
			else if (i == slot) {
				int at = value.indexOf(SLOT);
				set(texts.get(i), (before ? "" : value.substring(0, at)) + SLOT + (after ? "" : value.substring(at + 1)));
			}
		}
	}

	/** Puts the text where the slot is. */
	public static void fill(CTP p, String text) {
		for (CTText t : texts(p)) {
			if (t.getStringValue().contains(SLOT)) {
				set(t, t.getStringValue().replace(SLOT, text));
			}
		}
	}

	/**
	 * Replaces the placeholders the function knows (null: left as it is).
	 *
	 * @return whether the paragraph held nothing but placeholders and is now blank
	 */
	public static boolean substitute(CTP p, UnaryOperator<String> values) {
		List<CTText> texts = texts(p);
		String before = joined(texts);
		for (CTText t : texts) {
			Matcher m = PLACEHOLDER.matcher(t.getStringValue());
			var out = new StringBuilder();
			boolean changed = false;
			while (m.find()) {
				String value = values.apply(m.group(1));
				m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
				changed |= value != null;
			}
			m.appendTail(out);
			if (changed) {
				set(t, out.toString());
			}
		}
		return !before.isBlank() && PLACEHOLDER.matcher(before).replaceAll("").isBlank() && joined(texts).isBlank();
	}

	/**
	 * Word stores a placeholder typed in pieces in several runs ({@code {{}, {@code journal}, {@code }}});
	 * moves each whole placeholder into the text element where it starts.
	 */
	public static void join(CTP p) {
		List<CTText> texts = texts(p);
		if (texts.size() < 2) {
			return;
		}
		var values = new ArrayList<String>();
		var starts = new ArrayList<Integer>();
		var all = new StringBuilder();
		for (CTText t : texts) {
			starts.add(all.length());
			values.add(t.getStringValue());
			all.append(t.getStringValue());
		}
		var matches = new ArrayList<int[]>();
		Matcher m = PLACEHOLDER.matcher(all);
		while (m.find()) {
			matches.add(new int[] { m.start(), m.end() });
		}
		for (int j = matches.size() - 1; j >= 0; j--) {
			int from = matches.get(j)[0];
			int to = matches.get(j)[1];
			int first = owner(starts, from);
			int last = owner(starts, to - 1);
			if (first == last) {
				continue;
			}
			String whole = all.substring(from, to);
			values.set(first, values.get(first).substring(0, from - starts.get(first)) + whole);
			for (int k = first + 1; k < last; k++) {
				values.set(k, "");
			}
			values.set(last, values.get(last).substring(to - starts.get(last)));
		}
		for (int i = 0; i < texts.size(); i++) {
			if (!values.get(i).equals(texts.get(i).getStringValue())) {
				set(texts.get(i), values.get(i));
			}
		}
	}

	private static int owner(List<Integer> starts, int offset) {
		int owner = 0;
		for (int i = 0; i < starts.size(); i++) {
			if (starts.get(i) <= offset) {
				owner = i;
			}
		}
		return owner;
	}

	public static List<String> names(CTP p) {
		var names = new ArrayList<String>();
		Matcher m = PLACEHOLDER.matcher(text(p));
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	private static List<CTText> texts(XmlObject p) {
		var texts = new ArrayList<CTText>();
		for (XmlObject found : p.selectPath(TEXTS)) {
			texts.add((CTText) found);
		}
		return texts;
	}

	/** The paragraph's text, as its text elements hold it. */
	public static String text(CTP p) {
		return joined(texts(p));
	}

	private static String joined(List<CTText> texts) {
		var all = new StringBuilder();
		texts.forEach(t -> all.append(t.getStringValue()));
		return all.toString();
	}

	private static void set(CTText t, String value) {
		t.setStringValue(NOT_XML.matcher(value).replaceAll(""));
		t.setSpace(SpaceAttribute.Space.PRESERVE);
	}
}
