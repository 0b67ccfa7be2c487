package org.baosong.screening;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param loopId            the gateway's name in the X-Loop header of its replies; mail carrying it back is ignored
 * @param alertAddresses    administrators told by mail when a message with a classified marking was purged
 * @param purgeFromMailbox  also delete such a message from the official mailbox on the server
 */
@Validated
@ConfigurationProperties(prefix = "baosong.screening", ignoreUnknownFields = false)
public record ScreeningProperties(@NotBlank @DefaultValue("baosong-gateway") String loopId,
		@DefaultValue java.util.List<@jakarta.validation.constraints.Email String> alertAddresses,
		@DefaultValue("false") boolean purgeFromMailbox) {
}
