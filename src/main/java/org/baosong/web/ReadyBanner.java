package org.baosong.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.common.BaosongProperties;
import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.mailbox.Mailboxes;
import org.baosong.web.security.InitialUsers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The start-up line: where to send mail and where to log in. In the embedded demo the first
 * start's logins are also written to {@code <data-dir>/demo-logins.txt} (owner-only), because the
 * passwords are stored hashed and a console line scrolls away.
 */
@Component
class ReadyBanner {

	private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

	private final Environment environment;

	private final BaosongProperties properties;

	private final Mailboxes mailboxes;

	private final ObjectProvider<EmbeddedMailServer> embedded;

	private final InitialUsers initialUsers;

	ReadyBanner(Environment environment, BaosongProperties properties, Mailboxes mailboxes,
			ObjectProvider<EmbeddedMailServer> embedded, InitialUsers initialUsers) {
		this.environment = environment;
		this.properties = properties;
		this.mailboxes = mailboxes;
		this.embedded = embedded;
		this.initialUsers = initialUsers;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		var lines = new StringBuilder("\n\n  Baosong is ready.\n");
		EmbeddedMailServer server = embedded.getIfAvailable();
		if (server != null) {
			lines.append("  Send reports to ").append(server.address()).append(" via SMTP ").append(server.host()).append(':')
				.append(server.smtpPort()).append(" (embedded demo mailbox, no SMTP login needed; IMAP ")
				.append(server.host()).append(':').append(server.imapPort()).append(", user ").append(server.address())
				.append(", password ").append(server.password()).append(")\n");
		}
		mailboxes.all().stream().filter(m -> server == null || !m.id().equals(EmbeddedMailServer.MAILBOX_ID))
			.forEach(m -> lines.append("  Watching mailbox ").append(m).append(" with profile ").append(m.profile()).append('\n'));
		lines.append("  Web UI: http://localhost:").append(port).append("/\n");
		var created = initialUsers.createdAtThisStart();
		Path logins = properties.dataDir().resolve("demo-logins.txt");
		if (!created.isEmpty()) {
			String text = created.stream().map(c -> c.username() + " / " + c.password()).collect(Collectors.joining("\n"));
			lines.append("  Log in as ").append(created.stream().map(c -> c.username() + " / " + c.password())
				.collect(Collectors.joining("  or  "))).append('\n');
			if (properties.demo().enabled()) {
				writeLogins(logins, text);
				lines.append("  (also written to ").append(logins).append(")\n");
			}
		}
		else if (properties.demo().enabled() && Files.exists(logins)) {
			lines.append("  Log in with the accounts in ").append(logins).append('\n');
		}
		log.info(lines.toString());
	}

	private static void writeLogins(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// Windows: the data directory's own permissions apply
			}
		}
		catch (IOException ex) {
			log.warn("Could not write {}: {}", file, ex.getMessage());
		}
	}
}
