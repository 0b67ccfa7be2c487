package org.baosong.replies;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Automatic replies and workflow mail.
 *
 * @param enabled          send at all (the outbox is written either way)
 * @param from             the From of our mail, e.g. 广州市政府办公厅信息处 &lt;xxbs@example.gov.cn&gt;
 * @param envelopeSender   MAIL FROM; empty ("&lt;&gt;") as RFC 3834 recommends for automatic replies
 * @param messageIdDomain  right-hand side of our Message-IDs
 * @param templates        directory of the mail templates (Thymeleaf text)
 * @param smtp             the relay; unset host means the embedded demo mailbox's SMTP when it runs
 * @param rejectionsPerHour at most this many rejections per sender and reason set per hour
 * @param dailyCap         at most this many replies per sender per day
 * @param lease            how long a claimed mail belongs to the sending node; a node that dies while sending
 *                         leaves its claimed mail to be sent by the next pass after this
 */
@Validated
@ConfigurationProperties(prefix = "baosong.replies", ignoreUnknownFields = false)
public record RepliesProperties(
		@DefaultValue("true") boolean enabled,
		@NotBlank @DefaultValue("报送系统 <submit@baosong.test>") String from,
		@NotNull @DefaultValue("<>") String envelopeSender,
		@NotBlank @DefaultValue("baosong.test") String messageIdDomain,
		@NotBlank @DefaultValue("./config/templates/mail") String templates,
		@Valid @NotNull @DefaultValue Smtp smtp,
		@Min(1) @DefaultValue("1") int rejectionsPerHour,
		@Min(1) @DefaultValue("20") int dailyCap,
		@NotNull @DefaultValue("1s") Duration sendInterval,
		@Min(1) @DefaultValue("8") int maxAttempts,
		@NotNull @DefaultValue("30s") Duration retryAfter,
		@NotNull @DefaultValue("5m") Duration lease) {

	public record Smtp(String host, @DefaultValue("25") int port, String username, String password,
			@DefaultValue("false") boolean starttls) {
	}
}
