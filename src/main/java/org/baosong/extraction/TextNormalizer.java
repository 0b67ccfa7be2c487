package org.baosong.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whitespace, page furniture and repetition, removed from the stored text; the characters the
 * author typed (full-width or half-width) stay as they are.
 * <ul>
 * <li>each line trimmed (ASCII, no-break and ideographic spaces: 公文 indent paragraphs with two
 * full-width spaces), runs of spaces and tabs inside a line become one space, blank lines and
 * zero-width characters go;</li>
 * <li>page-number lines ("- 3 -", "第3页 共5页", "3/5", "Page 3 of 5") go to header/footer;</li>
 * <li>in paged formats, a line found at the top or bottom two lines of at least half the pages
 * (pages of more than four lines only)
 * (digits ignored, so "第3页" matches "第4页") is a running header or footer;</li>
 * <li>a line repeated right after itself is kept once.</li>
 * </ul>
 */
final class TextNormalizer {

	private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2000-\\u200A\\u202F\\u205F]+");

	private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]");

	private static final Pattern PAGE_NUMBER = Pattern.compile(
			"[-—–－\\s]*\\d{1,4}[-—–－\\s]*|第\\s*\\d{1,4}\\s*页(\\s*[,，/／]?\\s*共\\s*\\d{1,4}\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4}|(?i)page\\s*\\d{1,4}(\\s*of\\s*\\d{1,4})?");

	private static final int EDGE_LINES = 2;

	private TextNormalizer() {
	}

	/** Lines of one page, normalized, empty lines dropped. */
	static List<String> lines(String raw) {
		List<String> lines = new ArrayList<>();
		String cleaned = INVISIBLE.matcher(raw.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
		for (String line : cleaned.split("\n")) {
			String l = SPACES.matcher(line).replaceAll(" ").strip();
			l = stripIdeographicSpace(l);
			if (!l.isEmpty()) {
				lines.add(l);
			}
		}
		return lines;
	}

	private static String stripIdeographicSpace(String s) {
		int start = 0;
		int end = s.length();
		while (start < end && (s.charAt(start) == '\u3000' || s.charAt(start) == ' ')) {
			start++;
		}
		while (end > start && (s.charAt(end - 1) == '\u3000' || s.charAt(end - 1) == ' ')) {
			end--;
		}
		return s.substring(start, end);
	}

	/**
	 * Splits normalized pages into body and furniture.
	 *
	 * @param pages  the lines of each page
	 * @param paged  whether the pages are real (PDF, OFD); running headers are only sought then
	 * @param header receives the header/footer lines found, each once
	 * @return the body lines of each page
	 */
	static List<List<String>> removeFurniture(List<List<String>> pages, boolean paged, Set<String> header) {
		Set<String> running = paged && pages.size() >= 2 ? runningLines(pages) : Set.of();
		List<List<String>> bodies = new ArrayList<>();
		for (List<String> page : pages) {
			List<String> body = new ArrayList<>();
			for (int i = 0; i < page.size(); i++) {
				String line = page.get(i);
				boolean edge = hasEdges(page) && (i < EDGE_LINES || i >= page.size() - EDGE_LINES);
				if (PAGE_NUMBER.matcher(line).matches() || (edge && running.contains(key(line)))) {
					header.add(line);
					continue;
				}
				if (!body.isEmpty() && body.get(body.size() - 1).equals(line)) {
					continue;
				}
				body.add(line);
			}
			bodies.add(body);
		}
		return bodies;
	}

	private static Set<String> runningLines(List<List<String>> pages) {
		Map<String, Integer> seen = new HashMap<>();
		for (List<String> page : pages) {
			Set<String> edges = new LinkedHashSet<>();
			for (int i = 0; hasEdges(page) && i < page.size(); i++) {
				if (i < EDGE_LINES || i >= page.size() - EDGE_LINES) {
					edges.add(key(page.get(i)));
				}
			}
			edges.forEach(k -> seen.merge(k, 1, Integer::sum));
		}
		int threshold = Math.max(2, (pages.size() + 1) / 2);
		Set<String> running = new LinkedHashSet<>();
		seen.forEach((k, n) -> {
			if (n >= threshold) {
				running.add(k);
			}
		});
		return running;
	}

	/** A page of a few lines has no header or footer to tell from its body. */
	private static boolean hasEdges(List<String> page) {
		return page.size() > 2 * EDGE_LINES;
	}

	private static String key(String line) {
		return line.replaceAll("\\d+", "#");
	}
}
