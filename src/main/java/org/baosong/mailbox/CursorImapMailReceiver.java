package org.baosong.mailbox;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.ScheduledFuture;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import org.springframework.integration.mail.inbound.ImapMailReceiver;
import org.springframework.scheduling.TaskScheduler;

/**
 * Spring Integration's IMAP receiver, driven by our UID cursor instead of flags. The framework's
 * defaults would search for \Recent and unanswered mail (a person reading the mailbox in another
 * client makes the gateway skip mail), flag messages before anything is stored, and copy each message
 * into memory. Here:
 * <ul>
 * <li>what is new is what has a UID above the cursor of (mailbox, UIDVALIDITY), stored in the database;</li>
 * <li>the fetch profile is UID, RFC822.SIZE, INTERNALDATE, FLAGS; the body is streamed later with
 * BODY.PEEK[] in large blocks by the receipt step;</li>
 * <li>nothing is flagged here: the receipt step marks a message after its receipt has committed;</li>
 * <li>IDLE where the server offers it, broken every poll interval to check anyway; polling otherwise.</li>
 * </ul>
 */
class CursorImapMailReceiver extends ImapMailReceiver {

	private final MailboxDefinition mailbox;

	private final InboundMessages inbound;

	private final MailboxMonitor monitor;

	private final TaskScheduler scheduler;

	private final int batchSize;

	CursorImapMailReceiver(String url, MailboxDefinition mailbox, InboundMessages inbound, MailboxMonitor monitor,
			TaskScheduler scheduler, int batchSize) {
		super(url);
		this.mailbox = mailbox;
		this.inbound = inbound;
		this.monitor = monitor;
		this.scheduler = scheduler;
		this.batchSize = batchSize;
		setShouldMarkMessagesAsRead(false);
		setShouldDeleteMessages(false);
	}

	@Override
	public void waitForNewMessages() throws MessagingException {
		openFolder();
		IMAPFolder folder = (IMAPFolder) getFolder();
		if (newMessages(folder).length > 0) {
			return;
		}
		monitor.polled(mailbox.id());
		Duration interval = mailbox.pollInterval();
		if (!mailbox.idle() || !((IMAPStore) folder.getStore()).hasCapability("IDLE")) {
			pause(interval);
			return;
		}
		// IDLE returns on the server's first notification; a NOOP after the poll interval ends it anyway
		ScheduledFuture<?> wakeUp = scheduler.schedule(() -> noop(folder), java.time.Instant.now().plus(interval));
		try {
			folder.idle(true);
		}
		finally {
			wakeUp.cancel(false);
		}
	}

	@Override
	public Object[] receive() throws MessagingException {
		openFolder();
		IMAPFolder folder = (IMAPFolder) getFolder();
		Message[] messages = newMessages(folder);
		if (messages.length > batchSize) {
			messages = Arrays.copyOf(messages, batchSize);
		}
		if (messages.length > 0) {
			var profile = new FetchProfile();
			profile.add(UIDFolder.FetchProfileItem.UID);
			profile.add(FetchProfile.Item.SIZE);
			profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
			profile.add(FetchProfile.Item.FLAGS);
			folder.fetch(messages, profile);
		}
		monitor.polled(mailbox.id());
		return messages;
	}

	/** Messages with a UID above the cursor, in UID order. Cheap on a mailbox of any size: one UID FETCH n:*. */
	private Message[] newMessages(IMAPFolder folder) throws MessagingException {
		long uidvalidity = folder.getUIDValidity();
		long cursor = inbound.cursor(mailbox.id(), uidvalidity);
		Message[] candidates = folder.getMessagesByUID(cursor + 1, UIDFolder.MAXUID);
		// "n:*" returns the last message even when its UID is below n: keep only what is really new
		return Arrays.stream(candidates)
			.filter(m -> m != null && !m.isExpunged() && uid(folder, m) > cursor)
			.sorted(Comparator.comparingLong(m -> uid(folder, m)))
			.toArray(Message[]::new);
	}

	private static long uid(IMAPFolder folder, Message message) {
		try {
			return folder.getUID(message);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void noop(IMAPFolder folder) {
		try {
			if (folder.isOpen()) {
				folder.doCommand(protocol -> {
					protocol.simpleCommand("NOOP", null);
					return null;
				});
			}
		}
		catch (MessagingException | RuntimeException ignored) {
			// the connection is gone: the IDLE call fails and the adapter reconnects
		}
	}

	private static void pause(Duration interval) {
		try {
			Thread.sleep(interval.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
