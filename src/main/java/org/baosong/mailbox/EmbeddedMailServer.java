package org.baosong.mailbox;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.HexFormat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.common.ConfigurationError;

/**
 * A GreenMail SMTP + IMAP server on loopback with one account, the demo submission mailbox.
 * It is started when the bean is created (before the mailbox definitions are resolved, since the
 * embedded mailbox's ports are only known then) and stopped when the context closes.
 */
public class EmbeddedMailServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

	public static final String MAILBOX_ID = "demo";

	private final GreenMail greenMail;

	private final String address;

	private final String password;

	private final String bindAddress;

	private final java.time.Duration pollInterval;

	private final org.springframework.util.unit.DataSize maxMessageSize;

	EmbeddedMailServer(EmbeddedMailProperties properties) {
		if (!InetAddress.getLoopbackAddress().getHostAddress().equals(properties.bindAddress())
				&& !properties.bindAddress().startsWith("127.") && !properties.bindAddress().equals("::1")) {
			throw new ConfigurationError("baosong.embedded-mail.bind-address",
					"the embedded demo mailbox listens on loopback only, not on " + properties.bindAddress());
		}
		this.bindAddress = properties.bindAddress();
		this.pollInterval = properties.pollInterval();
		this.maxMessageSize = properties.maxMessageSize();
		this.address = properties.address();
		this.password = properties.password() != null && !properties.password().isBlank() ? properties.password()
				: randomPassword();
		this.greenMail = new GreenMail(new ServerSetup[] {
				new ServerSetup(properties.smtpPort(), bindAddress, ServerSetup.PROTOCOL_SMTP),
				new ServerSetup(properties.imapPort(), bindAddress, ServerSetup.PROTOCOL_IMAP) });
		try {
			greenMail.start();
		}
		catch (RuntimeException ex) {
			throw new ConfigurationError("baosong.embedded-mail.smtp-port",
					"cannot start the embedded mailbox on " + bindAddress + " (SMTP " + properties.smtpPort() + ", IMAP "
							+ properties.imapPort() + "): " + ex.getMessage() + " - is another instance running?",
					ex);
		}
		greenMail.setUser(address, address, password);
		log.info("Embedded demo mailbox {} listening on {} (SMTP {}, IMAP {})", address, bindAddress, smtpPort(), imapPort());
	}

	public String address() {
		return address;
	}

	public String password() {
		return password;
	}

	public String host() {
		return bindAddress;
	}

	public int smtpPort() {
		return greenMail.getSmtp().getPort();
	}

	public int imapPort() {
		return greenMail.getImap().getPort();
	}

	/** The mailbox definition the gateway watches: the demo account over plain IMAP on loopback. */
	MailboxDefinition definition(String profileId) {
		return new MailboxDefinition(MAILBOX_ID, "imap", bindAddress, imapPort(), address, password, "INBOX", null,
				profileId, pollInterval, true, maxMessageSize);
	}

	@Override
	public void close() {
		greenMail.stop();
	}

	private static String randomPassword() {
		byte[] bytes = new byte[9];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}
}
