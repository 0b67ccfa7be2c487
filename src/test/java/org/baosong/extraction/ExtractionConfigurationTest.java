package org.baosong.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.baosong.archive.BlobStore;
import org.baosong.archive.FileSystemBlobStore;
import org.baosong.common.BaosongProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ExtractionConfigurationTest {

	@TempDir
	Path dir;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withUserConfiguration(Archive.class, ExtractionConfiguration.class)
			.withPropertyValues("baosong.data-dir=" + dir);
	}

	@Test
	void defaultsAreThoseOfTheIssueAndTheParsersStartOnlyWhenUsed() {
		runner().run(context -> {
			ExtractionProperties p = context.getBean(ExtractionProperties.class);
			assertThat(p.mode()).isEqualTo(ExtractionProperties.Mode.FORKED);
			assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(60));
			assertThat(p.writeLimit()).isEqualTo(2_000_000);
			assertThat(context.getBean(ParseBackend.class)).isInstanceOf(ForkedParserPool.class);
			assertThat(((ForkedParserPool) context.getBean(ParseBackend.class)).processes()).isEmpty();
		});
	}

	@Test
	void closingTheContextStopsTheParserProcesses() {
		List<ProcessHandle> started = new java.util.ArrayList<>();
		runner().run(context -> {
			String sha = context.getBean(BlobStore.class)
				.store(new java.io.ByteArrayInputStream("简报\n正文".getBytes(StandardCharsets.UTF_8)))
				.sha256();
			ExtractedText text = context.getBean(TextExtractor.class).extract(sha, "text/plain", "a.txt");
			assertThat(text.status()).isEqualTo(ExtractionStatus.OK);
			started.addAll(((ForkedParserPool) context.getBean(ParseBackend.class)).processes());
			assertThat(started).hasSize(1);
		});
		assertThat(started).noneMatch(ProcessHandle::isAlive);
	}

	@Test
	void inProcessModeForTinyDeployments() {
		runner().withPropertyValues("baosong.extraction.mode=in-process")
			.run(context -> assertThat(context.getBean(ParseBackend.class)).isInstanceOf(InProcessBackend.class));
	}

	@Test
	void aMistypedOrInvalidSettingStopsStartUp() {
		runner().withPropertyValues("baosong.extraction.timout=5s").run(context -> assertThat(context).hasFailed());
		runner().withPropertyValues("baosong.extraction.write-limit=0").run(context -> assertThat(context).hasFailed());
		runner().withPropertyValues("baosong.extraction.timeout=0s").run(context -> assertThat(context).hasFailed());
	}

	@Test
	void theInjectedExtractorFiltersTypesAndCaches() {
		runner().withPropertyValues("baosong.extraction.mode=in-process").run(context -> {
			TextExtractor extractor = context.getBean(TextExtractor.class);
			assertThat(extractor).isInstanceOf(TypeFilteringTextExtractor.class);
			assertThat(extractor.applicable("application/pdf")).isTrue();
			assertThat(extractor.applicable("application/octet-stream")).isTrue();
			assertThat(extractor.applicable("image/jpeg")).isFalse();
			assertThat(extractor.applicable("application/zip")).isFalse();
			ExtractedText image = extractor.extract("0".repeat(64), "image/jpeg", "photo.jpg");
			assertThat(image.status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ExtractionProperties.class, BaosongProperties.class })
	static class Archive {

		@Bean
		BlobStore blobStore(BaosongProperties baosong) throws java.io.IOException {
			return new FileSystemBlobStore(baosong.dataDir().resolve("archive"));
		}
	}
}
