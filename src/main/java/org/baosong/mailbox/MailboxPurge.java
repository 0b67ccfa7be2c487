package org.baosong.mailbox;

import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.pop3.POP3Folder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Deletes a received message from the official mailbox on the server (for messages with a classified
 * marking, where the profile's office wants no copy left anywhere). A connection of its own: the
 * receiver's connection belongs to its IDLE loop.
 */
@Service
public class MailboxPurge {

	private static final Logger log = LoggerFactory.getLogger(MailboxPurge.class);

	private final Mailboxes mailboxes;

	MailboxPurge(Mailboxes mailboxes) {
		this.mailboxes = mailboxes;
	}

	/** True when the message was found and deleted. */
	public boolean delete(InboundMail mail) {
		var mailbox = mailboxes.find(mail.mailboxId());
		if (mailbox.isEmpty()) {
			return false;
		}
		MailboxDefinition m = mailbox.get();
		var props = new Properties();
		props.setProperty("mail." + m.protocol() + ".connectiontimeout", "30000");
		props.setProperty("mail." + m.protocol() + ".timeout", "60000");
		try (Store store = Session.getInstance(props).getStore(m.protocol())) {
			store.connect(m.host(), m.port(), m.username(), m.password());
			Folder folder = store.getFolder(m.folder());
			folder.open(Folder.READ_WRITE);
			Message target = find(folder, mail);
			if (target != null) {
				target.setFlag(Flags.Flag.DELETED, true);
			}
			folder.close(true);
			log.info("inbound #{}: {} in mailbox {}", mail.id(), target != null ? "deleted" : "no longer", m.id());
			return target != null;
		}
		catch (MessagingException ex) {
			log.error("inbound #{}: could not delete the message from mailbox {}: {}", mail.id(), m.id(), ex.toString());
			return false;
		}
	}

	private static Message find(Folder folder, InboundMail mail) throws MessagingException {
		if (folder instanceof UIDFolder uids && mail.uid() != null) {
			if (mail.uidvalidity() == null || uids.getUIDValidity() != mail.uidvalidity()) {
				return null;
			}
			return uids.getMessageByUID(mail.uid());
		}
		if (folder instanceof POP3Folder pop3 && mail.uidl() != null) {
			for (Message message : folder.getMessages()) {
				if (mail.uidl().equals(pop3.getUID(message))) {
					return message;
				}
			}
		}
		return null;
	}
}
