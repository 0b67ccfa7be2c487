package org.baosong.mailbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.pop3.POP3Folder;

import org.springframework.integration.mail.inbound.Pop3MailReceiver;

/**
 * Spring Integration's POP3 receiver for offices that only have POP3: POP3 has no flags and no UIDs
 * that order, so what is new is what no {@code inbound_mail} row knows by its UIDL. Nothing is
 * deleted or marked. The folder stays open while the batch is received and is closed before the next.
 */
class CursorPop3MailReceiver extends Pop3MailReceiver {

	private final MailboxDefinition mailbox;

	private final InboundMessages inbound;

	private final MailboxMonitor monitor;

	private final int batchSize;

	CursorPop3MailReceiver(String url, MailboxDefinition mailbox, InboundMessages inbound, MailboxMonitor monitor, int batchSize) {
		super(url);
		this.mailbox = mailbox;
		this.inbound = inbound;
		this.monitor = monitor;
		this.batchSize = batchSize;
		setShouldDeleteMessages(false);
	}

	@Override
	public Object[] receive() throws MessagingException {
		closeFolder(); // the previous batch has been received by now; POP3 sees new mail only in a new session
		openFolder();
		POP3Folder folder = (POP3Folder) getFolder();
		Message[] all = folder.getMessages();
		var profile = new FetchProfile();
		profile.add(UIDFolder.FetchProfileItem.UID);
		profile.add(FetchProfile.Item.SIZE);
		folder.fetch(all, profile);
		Map<String, Message> byUidl = new LinkedHashMap<>();
		for (Message message : all) {
			String uidl = folder.getUID(message);
			if (uidl != null) {
				byUidl.put(uidl, message);
			}
		}
		var known = inbound.knownUidls(mailbox.id(), byUidl.keySet());
		var fresh = new ArrayList<Message>();
		byUidl.forEach((uidl, message) -> {
			if (!known.contains(uidl) && fresh.size() < batchSize) {
				fresh.add(message);
			}
		});
		monitor.polled(mailbox.id());
		return fresh.toArray();
	}
}
