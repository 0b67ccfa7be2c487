package org.baosong.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The status of every mailbox for the dashboard, from what the receivers last did (no connection is opened)
 * and one indexed count of the messages waiting for processing.
 */
@Service
public class MailboxStatuses {

	private final Mailboxes mailboxes;

	private final MailboxMonitor monitor;

	private final InboundCounts counts;

	private final ReceivingProperties receiving;

	private final Clock clock;

	MailboxStatuses(Mailboxes mailboxes, MailboxMonitor monitor, InboundCounts counts, ReceivingProperties receiving, Clock clock) {
		this.mailboxes = mailboxes;
		this.monitor = monitor;
		this.counts = counts;
		this.receiving = receiving;
		this.clock = clock;
	}

	public List<MailboxStatus> all() {
		Instant now = clock.instant();
		var backlog = counts.backlog();
		return mailboxes.all().stream().map(m -> {
			var state = monitor.state(m.id());
			var waiting = backlog.getOrDefault(m.id(), new InboundCounts.Backlog(m.id(), 0, null));
			return new MailboxStatus(m.id(), m.protocol(), m.username() + " (" + m.host() + ":" + m.port() + ")", m.profile(),
					MailboxStatus.Connection.of(state, m.pollInterval(), now, receiving.enabled()), state.lastSuccessfulPoll(),
					state.lastSuccessfulPoll() == null ? null : Duration.between(state.lastSuccessfulPoll(), now), state.lastErrorAt(),
					state.lastError(), waiting.waiting(), waiting.oldest());
		}).toList();
	}
}
