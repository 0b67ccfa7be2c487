package org.baosong.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CachingTextExtractorTest {

	static final String SHA_A = "a".repeat(64);

	static final String SHA_B = "b".repeat(64);

	final AtomicInteger calls = new AtomicInteger();

	ExtractionStatus next = ExtractionStatus.OK;

	final TextExtractor fake = new TextExtractor() {
		@Override
		public boolean applicable(String contentType) {
			return true;
		}

		@Override
		public ExtractedText extract(String sha256, String declaredType, String fileName) {
			calls.incrementAndGet();
			return new ExtractedText(next, "application/pdf", declaredType, "标题", "正文".repeat(50), "正文", "", 1, 100,
					false, false, true, List.of());
		}
	};

	@Test
	void theSameBytesAreParsedOnceAndKeepTheirOwnDeclaredType() {
		CachingTextExtractor cache = new CachingTextExtractor(fake, 10_000);

		cache.extract(SHA_A, "application/pdf", "a.pdf");
		ExtractedText again = cache.extract(SHA_A, "application/octet-stream", "b.pdf");

		assertThat(calls).hasValue(1);
		assertThat(again.declaredType()).isEqualTo("application/octet-stream");
		assertThat(again.title()).isEqualTo("标题");
	}

	@Test
	void timeoutsAndFailuresAreNotCached() {
		CachingTextExtractor cache = new CachingTextExtractor(fake, 10_000);
		next = ExtractionStatus.TIMEOUT;

		cache.extract(SHA_A, "application/pdf", "a.pdf");
		cache.extract(SHA_A, "application/pdf", "a.pdf");

		assertThat(calls).hasValue(2);
	}

	@Test
	void theCacheIsBoundedByCharacters() {
		CachingTextExtractor cache = new CachingTextExtractor(fake, 250);

		cache.extract(SHA_A, "application/pdf", "a.pdf");
		cache.extract(SHA_B, "application/pdf", "b.pdf");

		assertThat(cache.size()).isEqualTo(1);
		cache.extract(SHA_A, "application/pdf", "a.pdf");
		assertThat(calls).hasValue(3);
	}
}
