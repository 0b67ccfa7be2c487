package org.baosong.mailbox;

import java.util.LinkedHashMap;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * Health of one mailbox: can we log in and open its folder, within a few seconds. The intake
 * receiver adds its own view (last successful poll, lag, last error) once it runs.
 */
class MailboxHealthIndicator extends AbstractHealthIndicator {

	private static final String TIMEOUT_MILLIS = "5000";

	private final MailboxDefinition mailbox;

	MailboxHealthIndicator(MailboxDefinition mailbox) {
		super("Mailbox " + mailbox.id() + " health check failed");
		this.mailbox = mailbox;
	}

	static CompositeHealthContributor contributorFor(Mailboxes mailboxes) {
		var map = new LinkedHashMap<String, HealthContributor>();
		mailboxes.all().forEach(m -> map.put(m.id(), new MailboxHealthIndicator(m)));
		return CompositeHealthContributor.fromMap(map);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		builder.withDetail("protocol", mailbox.protocol())
			.withDetail("host", mailbox.host() + ":" + mailbox.port())
			.withDetail("folder", mailbox.folder())
			.withDetail("profile", mailbox.profile());
		Session session = Session.getInstance(timeouts(mailbox.protocol()));
		try (Store store = session.getStore(mailbox.protocol())) {
			store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
			Folder folder = store.getFolder(mailbox.folder());
			if (!folder.exists()) {
				builder.down().withDetail("error", "folder " + mailbox.folder() + " does not exist");
				return;
			}
			builder.up();
		}
	}

	private static Properties timeouts(String protocol) {
		var props = new Properties();
		props.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
		props.setProperty("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
		props.setProperty("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
		return props;
	}
}
