package org.baosong.intake;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Stage 2, processing.
 *
 * @param enabled      run the processing flow on this node
 * @param pollInterval how often an idle node looks for received messages: part of every message's arrival-to-filed
 *                     latency (up to this long), so short; a claim that finds nothing is one indexed UPDATE
 * @param batchSize    messages claimed per lease
 * @param lease        how long a claimed message belongs to this node; a node that dies loses it after this
 * @param maxAttempts  attempts before a message that keeps failing is quarantined (INTERNAL_ERROR)
 * @param retryAfter   delay before a failed message is tried again, multiplied by the attempt number
 */
@Validated
@ConfigurationProperties(prefix = "baosong.intake", ignoreUnknownFields = false)
public record IntakeProperties(
		@DefaultValue("true") boolean enabled,
		@NotNull @DefaultValue("100ms") Duration pollInterval,
		@Min(1) @DefaultValue("20") int batchSize,
		@NotNull @DefaultValue("5m") Duration lease,
		@Min(1) @DefaultValue("3") int maxAttempts,
		@NotNull @DefaultValue("30s") Duration retryAfter) {
}
