package org.baosong.mailbox;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded GreenMail server that plays the official mailbox in the embedded default. It
 * listens on loopback only. Port 0 picks a free port (tests).
 *
 * @param password     the demo account's password; unset means a random one, printed at start-up
 * @param pollInterval how often the demo mailbox is checked even while IDLE waits (GreenMail can miss an
 *                     IDLE notification for a message that lands as IDLE starts; this bounds the delay)
 * @param maxMessageSize larger messages are recorded without their body and rejected
 */
@Validated
@ConfigurationProperties(prefix = "baosong.embedded-mail", ignoreUnknownFields = false)
public record EmbeddedMailProperties(
		@DefaultValue("false") boolean enabled,
		@NotBlank @DefaultValue("127.0.0.1") String bindAddress,
		@Min(0) @Max(65535) @DefaultValue("3025") int smtpPort,
		@Min(0) @Max(65535) @DefaultValue("3143") int imapPort,
		@NotBlank @Email @DefaultValue("submit@baosong.test") String address,
		String password,
		@jakarta.validation.constraints.NotNull @DefaultValue("10s") java.time.Duration pollInterval,
		@jakarta.validation.constraints.NotNull @DefaultValue("50MB") org.springframework.util.unit.DataSize maxMessageSize) {
}
