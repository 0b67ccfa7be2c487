package org.baosong.extraction;

import java.nio.file.Path;

import org.baosong.archive.BlobStore;
import org.baosong.common.BaosongProperties;
import org.baosong.extraction.parse.ParseLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExtractionConfiguration {

	/** Closed with the context, which stops the parser processes. */
	@Bean(destroyMethod = "close")
	ParseBackend extractionBackend(ExtractionProperties properties, BaosongProperties baosong) {
		Path workDir = (properties.workDir() != null ? properties.workDir() : baosong.dataDir().resolve("extraction"))
			.toAbsolutePath()
			.normalize();
		return switch (properties.mode()) {
			case FORKED -> new ForkedParserPool(properties, workDir);
			case IN_PROCESS -> new InProcessBackend(properties.extraParsers(), workDir.resolve("tmp"));
		};
	}

	/** The extractor the gateway injects: type filter, then cache, then the parser backend. */
	@Bean
	TextExtractor textExtractor(ExtractionProperties properties, BlobStore blobs, ParseBackend extractionBackend) {
		ParseLimits limits = new ParseLimits(properties.writeLimit(), properties.maxEmbeddedDepth(),
				properties.maxEmbeddedCount(), properties.maxCompressionRatio());
		TextExtractor extractor = new BlobTextExtractor(blobs, extractionBackend, limits,
				new DocumentAssembler(properties.firstPageLines()));
		if (properties.cache().enabled()) {
			extractor = new CachingTextExtractor(extractor, properties.cache().maxChars());
		}
		return new TypeFilteringTextExtractor(extractor);
	}
}
