package org.baosong.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * The marked title and the fragments of text shown with each result, from Lucene's unified highlighter
 * (offsets from the postings, no re-analysis). Fragments are sentences, cut to
 * {@value #MAX_FRAGMENT_CHARS} characters around their first match; the whole title is always shown.
 * The pieces come back as {@link Highlight}s, never as HTML, so escaping happens in one place.
 */
final class Fragments {

	static final int MAX_FRAGMENT_CHARS = 160;

	private static final int FRAGMENTS_PER_HIT = 2;

	private static final String[] FIELDS = { SubmissionDocuments.TITLE, SubmissionDocuments.TEXT, SubmissionDocuments.ATTACHMENTS };

	private Fragments() {
	}

	record Marked(Highlight title, List<Highlight> fragments) {
	}

	/** The marks for each document, in the order of the ids. */
	static List<Marked> of(IndexSearcher searcher, Query highlight, int[] docIds, int maxTextChars) throws IOException {
		var highlighter = new Highlighter(UnifiedHighlighter.builder(searcher, ChineseAnalysis.bigrams())
			.withFormatter(new SpanFormatter())
			.withWeightMatches(false) // terms and phrases are all it marks; the Matches API costs several times more
			.withMaxLength(maxTextChars));
		Map<String, Object[]> found = highlighter.highlight(FIELDS, highlight, docIds,
				new int[] { 1, FRAGMENTS_PER_HIT, FRAGMENTS_PER_HIT });
		var marked = new ArrayList<Marked>(docIds.length);
		for (int i = 0; i < docIds.length; i++) {
			List<Highlight> title = highlights(found.get(SubmissionDocuments.TITLE)[i]);
			List<Highlight> text = highlights(found.get(SubmissionDocuments.TEXT)[i]);
			List<Highlight> attachments = highlights(found.get(SubmissionDocuments.ATTACHMENTS)[i]);
			boolean textMatched = text.stream().anyMatch(Highlight::matched);
			boolean attachmentsMatched = attachments.stream().anyMatch(Highlight::matched);
			List<Highlight> fragments = !textMatched && attachmentsMatched ? attachments : text.isEmpty() ? attachments : text;
			marked.add(new Marked(title.isEmpty() ? new Highlight(List.of()) : title.get(0), fragments));
		}
		return marked;
	}

	@SuppressWarnings("unchecked")
	private static List<Highlight> highlights(Object formatted) {
		return formatted == null ? List.of() : (List<Highlight>) formatted;
	}

	/** The whole title as one passage; texts by sentences (。！？ end them); no summary of attachments that did not match. */
	private static final class Highlighter extends UnifiedHighlighter {

		Highlighter(Builder builder) {
			super(builder);
		}

		@Override
		protected BreakIterator getBreakIterator(String field) {
			return field.equals(SubmissionDocuments.TITLE) ? new WholeBreakIterator() : BreakIterator.getSentenceInstance(Locale.CHINA);
		}

		@Override
		protected int getMaxNoHighlightPassages(String field) {
			return field.equals(SubmissionDocuments.ATTACHMENTS) ? 0 : 1;
		}

		Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
			return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
		}
	}

	static final class SpanFormatter extends PassageFormatter {

		@Override
		public Object format(Passage[] passages, String content) {
			var out = new ArrayList<Highlight>(passages.length);
			for (Passage p : passages) {
				out.add(fragment(content, p.getStartOffset(), p.getEndOffset(), p.getMatchStarts(), p.getMatchEnds(), p.getNumMatches(),
						MAX_FRAGMENT_CHARS));
			}
			return out;
		}
	}

	/**
	 * The passage [start, end) of the content as spans, matches merged where they overlap or touch
	 * (the bigrams 营商, 商环, 环境 make one mark), cut to the limit around the first match with "…"
	 * where it was cut, white space collapsed.
	 */
	static Highlight fragment(String content, int start, int end, int[] matchStarts, int[] matchEnds, int matches, int limit) {
		var ranges = new ArrayList<int[]>();
		for (int i = 0; i < matches; i++) {
			ranges.add(new int[] { Math.max(start, matchStarts[i]), Math.min(end, matchEnds[i]) });
		}
		ranges.sort(java.util.Comparator.comparingInt(r -> r[0]));
		var merged = new ArrayList<int[]>();
		for (int[] range : ranges) {
			int s = range[0];
			int e = range[1];
			if (s >= e) {
				continue;
			}
			int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && s <= last[1]) {
				last[1] = Math.max(last[1], e);
			}
			else {
				merged.add(new int[] { s, e });
			}
		}
		int from = start;
		int to = end;
		if (end - start > limit) {
			int anchor = merged.isEmpty() ? start : merged.get(0)[0];
			from = Math.max(start, Math.min(anchor - limit / 4, end - limit));
			to = from + limit;
			from = codePointBoundary(content, from);
			to = codePointBoundary(content, to);
		}
		var spans = new ArrayList<Highlight.Span>();
		if (from > start) {
			spans.add(new Highlight.Span("…", false));
		}
		int at = from;
		for (int[] m : merged) {
			int s = Math.max(m[0], from);
			int e = Math.min(m[1], to);
			if (s >= e) {
				continue;
			}
			if (s > at) {
				spans.add(new Highlight.Span(collapse(content.substring(at, s)), false));
			}
			spans.add(new Highlight.Span(collapse(content.substring(s, e)), true));
			at = e;
		}
		if (at < to) {
			spans.add(new Highlight.Span(collapse(content.substring(at, to)), false));
		}
		if (to < end) {
			spans.add(new Highlight.Span("…", false));
		}
		return new Highlight(trimmed(spans));
	}

	private static int codePointBoundary(String content, int index) {
		return index > 0 && index < content.length() && Character.isLowSurrogate(content.charAt(index)) ? index - 1 : index;
	}

	private static String collapse(String text) {
		return text.replaceAll("\\s+", " ");
	}

	private static List<Highlight.Span> trimmed(List<Highlight.Span> spans) {
		if (spans.isEmpty()) {
			return spans;
		}
		var first = spans.get(0);
		spans.set(0, new Highlight.Span(first.text().stripLeading(), first.match()));
		var last = spans.get(spans.size() - 1);
		spans.set(spans.size() - 1, new Highlight.Span(last.text().stripTrailing(), last.match()));
		spans.removeIf(s -> s.text().isEmpty());
		return spans;
	}
}
