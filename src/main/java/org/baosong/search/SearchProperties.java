package org.baosong.search;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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
 */
@Validated
@ConfigurationProperties(prefix = "baosong.search", ignoreUnknownFields = false)
public record SearchProperties(
		Path indexDir,
		@Min(1) @Max(10_000) @DefaultValue("500") int rebuildBatch,
		@Min(1_000) @DefaultValue("300000") int maxTextChars) {
}
