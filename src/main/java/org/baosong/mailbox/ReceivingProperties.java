package org.baosong.mailbox;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the receivers talk to the mailboxes.
 *
 * @param enabled          start the receivers (tests of other parts turn them off)
 * @param batchSize        messages received per pass before the cursor is checked again
 * @param fetchBlockSize   IMAP partial-fetch block for bodies: Angus' default of 16 KiB makes a 50 MB
 *                         message take thousands of round trips
 * @param reconnectInitial first delay after a connection loss; doubled after each failure ...
 * @param reconnectMax     ... up to this
 * @param socketTimeout    connect and read timeout (IDLE is broken well within it)
 * @param prefetchMaxMessage messages up to this size are fetched several at once, in one command ...
 * @param prefetchPerPass    ... holding at most this much in memory per pass; larger messages stream
 */
@Validated
@ConfigurationProperties(prefix = "baosong.receiving", ignoreUnknownFields = false)
public record ReceivingProperties(
		@DefaultValue("true") boolean enabled,
		@Min(1) @DefaultValue("100") int batchSize,
		@NotNull @DefaultValue("1MB") DataSize fetchBlockSize,
		@NotNull @DefaultValue("1s") Duration reconnectInitial,
		@NotNull @DefaultValue("5m") Duration reconnectMax,
		@NotNull @DefaultValue("2m") Duration socketTimeout,
		@NotNull @DefaultValue("256KB") DataSize prefetchMaxMessage,
		@NotNull @DefaultValue("8MB") DataSize prefetchPerPass) {
}
