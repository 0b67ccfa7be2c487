package org.baosong.scoring;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param closeEnabled   close assessment periods automatically
 * @param closeInterval  how often the close job looks for periods due
 * @param closeDelayDays a period is closed this many days after its last day, so that acts registered late
 *                       (an issue dated in the period, published after it) still count in it
 */
@Validated
@ConfigurationProperties(prefix = "baosong.scoring", ignoreUnknownFields = false)
public record ScoringProperties(
		@DefaultValue("true") boolean closeEnabled,
		@NotNull @DefaultValue("1h") Duration closeInterval,
		@Min(0) @Max(90) @DefaultValue("5") int closeDelayDays) {
}
