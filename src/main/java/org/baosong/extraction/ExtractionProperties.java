package org.baosong.extraction;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of attachment text extraction.
 *
 * @param mode                {@code forked} (default): parsers run in separate JVMs that can be killed;
 *                            {@code in-process}: for tiny deployments, a hang or out-of-memory then hits the gateway
 * @param timeout             per-file limit, from handing the file over to the result
 * @param noProgressTimeout   a file whose text has not grown for this long is ended as a timeout
 * @param memory              heap cap (-Xmx) of each parser process
 * @param writeLimit          characters kept per file; beyond it the text is truncated
 * @param maxEmbeddedDepth    embedded documents nested deeper than this are not read
 * @param maxEmbeddedCount    embedded documents beyond this many are not read
 * @param maxCompressionRatio a zip entry or an output that inflates more than this is a zip bomb
 * @param firstPageLines      lines exposed as the first page when the format has no pages
 * @param workDir             the parser processes' working and temporary directory; default {@code <data-dir>/extraction}
 * @param extraParsers        class names of additional Tika parsers (tests, site-specific formats); they are tried first
 * @param pool                the forked parser processes
 * @param cache               results cached by SHA-256
 */
@Validated
@ConfigurationProperties(prefix = "baosong.extraction", ignoreUnknownFields = false)
public record ExtractionProperties(
		@NotNull @DefaultValue("forked") Mode mode,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("60s") Duration timeout,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("30s") Duration noProgressTimeout,
		@NotNull @DefaultValue("512MB") DataSize memory,
		@Min(1000) @DefaultValue("2000000") int writeLimit,
		@Min(0) @Max(100) @DefaultValue("5") int maxEmbeddedDepth,
		@Min(0) @DefaultValue("100") int maxEmbeddedCount,
		@Min(2) @DefaultValue("100") int maxCompressionRatio,
		@Min(1) @DefaultValue("40") int firstPageLines,
		Path workDir,
		@NotNull @DefaultValue List<String> extraParsers,
		@Valid @NotNull @DefaultValue Pool pool,
		@Valid @NotNull @DefaultValue Cache cache) {

	public enum Mode {
		FORKED, IN_PROCESS
	}

	/**
	 * @param size               parser processes; each holds one file at a time
	 * @param maxFilesPerProcess a process is replaced after this many files, so leaks cannot build up; its successor
	 *                           starts while it serves its last tenth (at most 50)
	 * @param startTimeout       how long a new process may take to become ready
	 * @param jvmOptions         extra JVM options for the parser processes
	 */
	public record Pool(
			@Min(1) @Max(64) @DefaultValue("1") int size,
			@Min(1) @DefaultValue("500") int maxFilesPerProcess,
			@NotNull @DurationMin(seconds = 1) @DefaultValue("60s") Duration startTimeout,
			@NotNull @DefaultValue List<String> jvmOptions) {
	}

	/**
	 * @param enabled  reuse the result for the same bytes (the same report sent twice, reprocessing)
	 * @param maxChars total characters of text kept in the cache
	 */
	public record Cache(@DefaultValue("true") boolean enabled, @Min(0) @DefaultValue("20000000") long maxChars) {
	}
}
