package org.baosong.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is done to a message on the server once its receipt has committed: the keyword
 * {@code $BaosongFiled} (so a person looking at the mailbox sees what the gateway has), and, if the
 * mailbox names a processed folder, a move there. Nothing of this is relied on: the UID cursor and the
 * raw-hash key decide what is new.
 */
class ReceivedMarker {

	private static final Logger log = LoggerFactory.getLogger(ReceivedMarker.class);

	static final String KEYWORD = "$BaosongFiled";

	/** Marks (and moves) a batch of received messages of one folder in one command each. */
	void mark(MailboxDefinition mailbox, Message[] messages) throws MessagingException {
		if (messages.length == 0) {
			return;
		}
		Folder folder = messages[0].getFolder();
		Flags permanent = folder.getPermanentFlags();
		if (permanent != null && permanent.contains(Flags.Flag.USER)) {
			folder.setFlags(messages, new Flags(KEYWORD), true);
		}
		if (mailbox.processedFolder() != null && !mailbox.processedFolder().isBlank() && folder instanceof IMAPFolder imap) {
			Folder target = imap.getStore().getFolder(mailbox.processedFolder());
			if (!target.exists()) {
				log.info("Creating processed folder {} in mailbox {}", mailbox.processedFolder(), mailbox.id());
				target.create(Folder.HOLDS_MESSAGES);
			}
			imap.moveMessages(messages, target);
		}
	}
}
