package org.baosong.extraction;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same bytes give the same text: results are kept by SHA-256 (a report sent twice, a message
 * reprocessed after a rule change). Bounded by total characters, least recently used first out.
 * Timeouts and failures are not kept: they may be the machine's fault rather than the file's.
 */
final class CachingTextExtractor implements TextExtractor {

	private final TextExtractor delegate;

	private final long maxChars;

	private final LinkedHashMap<String, ExtractedText> cache = new LinkedHashMap<>(64, 0.75f, true);

	private long chars;

	CachingTextExtractor(TextExtractor delegate, long maxChars) {
		this.delegate = delegate;
		this.maxChars = maxChars;
	}

	@Override
	public boolean applicable(String contentType) {
		return delegate.applicable(contentType);
	}

	@Override
	public ExtractedText extract(String sha256, String declaredType, String fileName) {
		ExtractedText cached;
		synchronized (cache) {
			cached = cache.get(sha256);
		}
		if (cached != null) {
			return cached.withDeclaredType(declaredType);
		}
		ExtractedText result = delegate.extract(sha256, declaredType, fileName);
		if (result.status() != ExtractionStatus.TIMEOUT && result.status() != ExtractionStatus.FAILED) {
			put(sha256, result);
		}
		return result;
	}

	private void put(String sha256, ExtractedText result) {
		long weight = weight(result);
		if (weight > maxChars) {
			return;
		}
		synchronized (cache) {
			ExtractedText previous = cache.put(sha256, result);
			chars += weight - (previous == null ? 0 : weight(previous));
			for (Iterator<Map.Entry<String, ExtractedText>> it = cache.entrySet().iterator(); chars > maxChars
					&& it.hasNext();) {
				chars -= weight(it.next().getValue());
				it.remove();
			}
		}
	}

	private static long weight(ExtractedText t) {
		return 100L + t.text().length() + t.firstPage().length() + t.headerFooter().length();
	}

	int size() {
		synchronized (cache) {
			return cache.size();
		}
	}
}
