package org.baosong.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of one mailbox from what its receiver last did (no extra connection per health check):
 * UP while polls succeed, DOWN when the last thing that happened is an error, or when no poll has
 * succeeded for three poll intervals; UNKNOWN before the first poll.
 */
class MailboxHealthIndicator extends AbstractHealthIndicator {

	private final MailboxDefinition mailbox;

	private final MailboxMonitor monitor;

	private final Clock clock;

	private final boolean receiving;

	MailboxHealthIndicator(MailboxDefinition mailbox, MailboxMonitor monitor, Clock clock, boolean receiving) {
		super("Mailbox " + mailbox.id() + " health check failed");
		this.mailbox = mailbox;
		this.monitor = monitor;
		this.clock = clock;
		this.receiving = receiving;
	}

	static CompositeHealthContributor contributorFor(Mailboxes mailboxes, MailboxMonitor monitor, Clock clock, boolean receiving) {
		var map = new LinkedHashMap<String, HealthContributor>();
		mailboxes.all().forEach(m -> map.put(m.id(), new MailboxHealthIndicator(m, monitor, clock, receiving)));
		return CompositeHealthContributor.fromMap(map);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		var state = monitor.state(mailbox.id());
		builder.withDetail("protocol", mailbox.protocol())
			.withDetail("host", mailbox.host() + ":" + mailbox.port())
			.withDetail("folder", mailbox.folder())
			.withDetail("profile", mailbox.profile())
			.withDetail("received", state.received());
		if (state.lastSuccessfulPoll() != null) {
			builder.withDetail("lastSuccessfulPoll", state.lastSuccessfulPoll().toString())
				.withDetail("lagSeconds", Duration.between(state.lastSuccessfulPoll(), clock.instant()).toSeconds());
		}
		if (state.lastError() != null) {
			builder.withDetail("lastError", state.lastError()).withDetail("lastErrorAt", state.lastErrorAt().toString());
		}
		switch (MailboxStatus.Connection.of(state, mailbox.pollInterval(), clock.instant(), receiving)) {
			case DISABLED -> builder.status(new Status("DISABLED", "receiving is turned off"));
			case DOWN -> builder.down();
			case UNKNOWN -> builder.unknown();
			case UP -> builder.up();
		}
	}
}
