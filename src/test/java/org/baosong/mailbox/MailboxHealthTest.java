package org.baosong.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

class MailboxHealthTest {

	static class MutableClock extends Clock {

		Instant now = Instant.parse("2026-11-20T02:00:00Z");

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	final MutableClock clock = new MutableClock();

	final MailboxMonitor monitor = new MailboxMonitor(clock);

	final MailboxDefinition mailbox = new MailboxDefinition("main", "imaps", "mail.example.gov.cn", 993, "u", "p", "INBOX", null,
			"guangzhou-2005", Duration.ofSeconds(30), true, DataSize.ofMegabytes(50));

	private Health health() {
		return new MailboxHealthIndicator(mailbox, monitor, clock, true).health(true);
	}

	@Test
	void unknownBeforeTheFirstPollThenUpWithTheLag() {
		assertThat(health().getStatus()).isEqualTo(Status.UNKNOWN);
		monitor.polled("main");
		clock.now = clock.now.plusSeconds(20);
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("lagSeconds", 20L).containsKey("lastSuccessfulPoll");
	}

	@Test
	void downWhileTheLastThingThatHappenedIsAnError() {
		monitor.polled("main");
		clock.now = clock.now.plusSeconds(5);
		monitor.failed("main", new jakarta.mail.MessagingException("connect", new java.net.ConnectException("Connection refused")));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("lastError")).contains("Connection refused");
		clock.now = clock.now.plusSeconds(5);
		monitor.polled("main");
		assertThat(health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void downWhenPollsStopForThreeIntervals() {
		monitor.polled("main");
		clock.now = clock.now.plus(Duration.ofSeconds(91));
		assertThat(health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void theReconnectDelayDoublesUpToItsMaximum() {
		var backoff = new ReconnectBackoff(monitor, new ReceivingProperties(true, 100, DataSize.ofMegabytes(1), Duration.ofSeconds(1),
				Duration.ofSeconds(30), Duration.ofMinutes(2), DataSize.ofKilobytes(256), DataSize.ofMegabytes(8)));
		assertThat(List.of(1, 2, 3, 4, 5, 6, 50).stream().map(backoff::delayAfter).toList())
			.containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L);
		assertThat(ReconnectBackoff.mailboxId("mailbox.main.idle")).isEqualTo("main");
	}
}
