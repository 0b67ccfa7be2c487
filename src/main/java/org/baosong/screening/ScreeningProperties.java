package org.baosong.screening;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param loopId the gateway's name in the X-Loop header of its replies; mail carrying it back is ignored
 */
@Validated
@ConfigurationProperties(prefix = "baosong.screening", ignoreUnknownFields = false)
public record ScreeningProperties(@NotBlank @DefaultValue("baosong-gateway") String loopId) {
}
