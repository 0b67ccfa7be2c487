package org.baosong.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import org.baosong.mailbox.EmbeddedMailServer;

/**
 * An informant's mailbox on the embedded mail server, where the outbox delivers what Baosong sends to
 * units (GreenMail creates the account on first delivery; login and password are the address).
 */
public final class UnitMailbox {

	private final EmbeddedMailServer mailServer;

	private final String address;

	public UnitMailbox(EmbeddedMailServer mailServer, String address) {
		this.mailServer = mailServer;
		this.address = address;
	}

	/** Waits (up to 30 seconds) for a message that matches and returns it. */
	public MimeMessage await(Predicate<MimeMessage> matching) {
		var found = new ArrayList<MimeMessage>();
		// until the first mail arrives the account does not exist and the login fails
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
			found.clear();
			messages().stream().filter(matching).forEach(found::add);
			return !found.isEmpty();
		});
		return found.get(0);
	}

	/** The messages whose subject starts with this prefix and contains this text, awaited as {@link #await}. */
	public MimeMessage await(String subjectPrefix, String subjectText) {
		return await(m -> {
			try {
				return m.getSubject() != null && m.getSubject().startsWith(subjectPrefix) && m.getSubject().contains(subjectText);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	public List<MimeMessage> messages() throws Exception {
		var found = new ArrayList<MimeMessage>();
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect(mailServer.host(), mailServer.imapPort(), address, address);
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			for (Message message : inbox.getMessages()) {
				found.add(new MimeMessage((MimeMessage) message));
			}
			inbox.close(false);
		}
		finally {
			store.close();
		}
		return found;
	}

	/** The text of a plain-text message, decoded. */
	public static String text(MimeMessage message) throws Exception {
		return String.valueOf(message.getContent());
	}
}
