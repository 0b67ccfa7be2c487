package org.baosong.mime;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on what one message may make the parser do. Real mail breaks the 998/1000-character line
 * limit (Outlook's long HTML lines, unfolded base64), so lines are allowed to be long; headers and
 * structure are bounded so that a hostile message ends as PARSE_FAILED instead of eating the heap.
 *
 * @param spillBytes a text body larger than this goes to the archive and only its start is decoded
 */
@Validated
@ConfigurationProperties(prefix = "baosong.mime", ignoreUnknownFields = false)
public record MimeLimits(
		@Min(10) @DefaultValue("1000") int maxHeaders,
		@Min(1000) @DefaultValue("100000") int maxHeaderLength,
		@Min(1000) @DefaultValue("1048576") int maxLineLength,
		@Min(2) @DefaultValue("30") int maxDepth,
		@Min(2) @DefaultValue("1000") int maxParts,
		@Min(1024) @DefaultValue("1048576") int spillBytes,
		@Min(1000) @DefaultValue("2000000") int maxTextChars) {

	public static MimeLimits defaults() {
		return new MimeLimits(1000, 100_000, 1_048_576, 30, 1000, 1_048_576, 2_000_000);
	}
}
