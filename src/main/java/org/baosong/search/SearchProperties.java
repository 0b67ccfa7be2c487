package org.baosong.search;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.baosong.common.ConfigurationError;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The full-text index (ADR 0010).
 *
 * @param indexDir     where the Lucene index lives; unset means {@code <baosong.data-dir>/search-index}. Each node
 *                     keeps its own; it can always be rebuilt from the database
 * @param rebuildBatch submissions read from the database per query while rebuilding
 * @param maxTextChars characters of each text (title, text, attachments) that are indexed; the rest of a huge
 *                     extracted text is not searchable
 * @param commitInterval the least time between two commits of the index; changes that arrive meanwhile are indexed
 *                     as they come and become visible together at the next commit (ADR 0010). Zero commits every
 *                     batch
 */
@Validated
@ConfigurationProperties(prefix = "baosong.search", ignoreUnknownFields = false)
public record SearchProperties(
		Path indexDir,
		@Min(1) @Max(10_000) @DefaultValue("500") int rebuildBatch,
		@Min(1_000) @DefaultValue("300000") int maxTextChars,
		@DefaultValue("1s") Duration commitInterval) {

	public SearchProperties {
		if (commitInterval == null || commitInterval.isNegative() || commitInterval.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new ConfigurationError("baosong.search.commit-interval", "must lie between 0 and 10 minutes, is " + commitInterval);
		}
	}
}
