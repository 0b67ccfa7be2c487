package org.baosong.mailbox;

import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import org.springframework.integration.mail.inbound.ImapMailReceiver;
import org.springframework.integration.support.MessageBuilder;
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

	private final DurableReceipt receipt;

	private final PrefetchedBodies prefetch;

	private IMAPFolder listenedFolder;

	/** Received (committed) in this pass, not yet marked on the server; the cursor moves when they are. */
	private final List<Message> received = new ArrayList<>();

	CursorImapMailReceiver(String url, MailboxDefinition mailbox, InboundMessages inbound, MailboxMonitor monitor,
			TaskScheduler scheduler, int batchSize, DurableReceipt receipt, PrefetchedBodies prefetch) {
		super(url);
		this.receipt = receipt;
		this.prefetch = prefetch;
		this.mailbox = mailbox;
		this.inbound = inbound;
		this.monitor = monitor;
		this.scheduler = scheduler;
		this.batchSize = batchSize;
		setShouldMarkMessagesAsRead(false);
		setShouldDeleteMessages(false);
	}

	/**
	 * The IDLE adapter reconnects after a {@link MessagingException} and gives up for good after anything
	 * else. A folder missing for a moment or the database down while the cursor is read must not stop
	 * the mailbox, so every failure here is reported as a MessagingException.
	 */
	@Override
	public void waitForNewMessages() throws MessagingException {
		try {
			awaitNewMessages();
		}
		catch (RuntimeException ex) {
			throw new MessagingException("mailbox " + mailbox.id() + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public Object[] receive() throws MessagingException {
		try {
			return receiveNewMessages();
		}
		catch (RuntimeException ex) {
			throw new MessagingException("mailbox " + mailbox.id() + ": " + ex.getMessage(), ex);
		}
	}

	/** The receipt step reports each committed message here. */
	void received(Message message) {
		received.add(message);
	}

	/**
	 * Marks the last pass's messages in one command and moves the cursor past them. If this fails the list
	 * is dropped, as a crash would drop it: the messages are fetched again and found by their UID.
	 */
	void markReceived() throws MessagingException {
		if (received.isEmpty()) {
			return;
		}
		try {
			receipt.markReceived(mailbox, (IMAPFolder) received.get(0).getFolder(), received);
		}
		finally {
			received.clear();
		}
	}

	private void awaitNewMessages() throws MessagingException {
		markReceived();
		openFolder();
		IMAPFolder folder = (IMAPFolder) getFolder();
		wakeOnNewMessages(folder);
		int known = folder.getMessageCount();
		if (newMessages(folder).length > 0) {
			return;
		}
		if (folder.getMessageCount() != known) {
			// an EXISTS came in while the UIDs were fetched, too late for that answer: its wake-up may run before
			// the IDLE below starts and wake nothing, leaving the message for the next poll interval. Look again.
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

	private Object[] receiveNewMessages() throws MessagingException {
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
		Map<Long, byte[]> prefetched = prefetch.fetch(folder, messages);
		monitor.polled(mailbox.id());
		var out = new Object[messages.length];
		for (int i = 0; i < messages.length; i++) {
			byte[] raw = prefetched.get(folder.getUID(messages[i]));
			out[i] = raw == null ? messages[i]
					: MessageBuilder.withPayload(messages[i]).setHeader(PrefetchedBodies.HEADER, raw).build();
		}
		return out;
	}

	/**
	 * A message that arrives between the cursor check and the start of IDLE is reported while IDLE is
	 * being entered (before the server's "+ idling"), and Angus then waits for the next event: the
	 * message would wait for the next poll interval. A listener on the folder ends the IDLE whenever
	 * the folder learns of new messages, however they were reported.
	 */
	private void wakeOnNewMessages(IMAPFolder folder) {
		if (listenedFolder == folder) {
			return;
		}
		folder.addMessageCountListener(new MessageCountAdapter() {
			@Override
			public void messagesAdded(MessageCountEvent event) {
				scheduler.schedule(() -> noop(folder), java.time.Instant.now());
			}
		});
		listenedFolder = folder;
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
