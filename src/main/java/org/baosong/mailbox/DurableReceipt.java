package org.baosong.mailbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.archive.BlobStore;
import org.baosong.archive.BlobStore.StoredBlob;
import org.baosong.mime.HeaderField;
import org.baosong.mime.MailParseException;
import org.baosong.mime.MailParser;
import org.springframework.dao.DuplicateKeyException;

/**
 * Stage 1, durable receipt, for one message: the raw bytes are streamed into the archive, then the
 * {@code inbound_mail} row is committed; only after that is the message touched on the server, and
 * only after that does the cursor move. A crash anywhere means the message is seen again, and the
 * (mailbox, UIDVALIDITY, UID) and (mailbox, SHA-256) keys make it one row. Nothing is parsed here.
 */
class DurableReceipt {

	private static final Logger log = LoggerFactory.getLogger(DurableReceipt.class);

	private final InboundMessages inbound;

	private final BlobStore blobs;

	private final ReceivedMarker marker;

	private final MailboxMonitor monitor;

	private final MailParser parser;

	DurableReceipt(InboundMessages inbound, BlobStore blobs, ReceivedMarker marker, MailboxMonitor monitor, MailParser parser) {
		this.inbound = inbound;
		this.blobs = blobs;
		this.marker = marker;
		this.monitor = monitor;
		this.parser = parser;
	}

	/**
	 * One IMAP message, already fetched with UID, RFC822.SIZE, INTERNALDATE and FLAGS. After this returns
	 * the receipt has committed; marking on the server and moving the cursor are the receiver's, per batch
	 * ({@link CursorImapMailReceiver#markReceived}).
	 */
	void receiveImap(MailboxDefinition mailbox, Message message, byte[] prefetched) throws MessagingException, IOException {
		long start = System.nanoTime();
		IMAPFolder folder = (IMAPFolder) message.getFolder();
		long uidvalidity = folder.getUIDValidity();
		long uid = folder.getUID(message);
		// a row for this UID means the message was received before and not yet marked (e.g. a crash in between)
		if (inbound.idByUid(mailbox.id(), uidvalidity, uid).isEmpty()) {
			var receipt = receipt(mailbox, message);
			receipt.uidvalidity = uidvalidity;
			receipt.uid = uid;
			record(mailbox, message, receipt, prefetched);
		}
		if (log.isDebugEnabled()) {
			log.debug("Mailbox {} UID {}: receipt in {} ms", mailbox.id(), uid, (System.nanoTime() - start) / 1_000_000);
		}
	}

	/** After the receipts of a batch have committed: mark them on the server, then move the cursor past them. */
	void markReceived(MailboxDefinition mailbox, IMAPFolder folder, java.util.List<Message> received) throws MessagingException {
		if (received.isEmpty()) {
			return;
		}
		long uidvalidity = folder.getUIDValidity();
		long last = 0;
		for (Message message : received) {
			last = Math.max(last, folder.getUID(message));
		}
		marker.mark(mailbox, received.toArray(Message[]::new));
		inbound.advanceCursor(mailbox.id(), uidvalidity, last);
	}

	/** One POP3 message that no row knows by its UIDL yet. POP3 has no flags: the UIDL list is the cursor. */
	void receivePop3(MailboxDefinition mailbox, Message message) throws MessagingException, IOException {
		var receipt = receipt(mailbox, message);
		receipt.uidl = ((POP3Folder) message.getFolder()).getUID(message);
		record(mailbox, message, receipt, null);
	}

	/** The raw message, streamed: BODY.PEEK[] in fetch-size blocks for IMAP, the cached RETR data for POP3. */
	private static InputStream rawStream(Message message) throws MessagingException {
		if (message instanceof IMAPMessage imap) {
			return imap.getMimeStream();
		}
		if (message instanceof POP3Message pop3) {
			return pop3.getMimeStream();
		}
		throw new MessagingException("cannot stream a " + message.getClass().getName());
	}

	private InboundMapper.Receipt receipt(MailboxDefinition mailbox, Message message) throws MessagingException {
		var receipt = new InboundMapper.Receipt();
		receipt.mailboxId = mailbox.id();
		receipt.internalDate = message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant();
		receipt.size = Math.max(0, message.getSize());
		return receipt;
	}

	/** How much of an over-size message is read to find its header: the Subject, not the body. */
	static final int HEADER_PEEK = 32 * 1024;

	/**
	 * The Subject of a message whose body is not downloaded, decoded as every other subject is (raw UTF-8 or
	 * GBK as Chinese clients send them, encoded words). IMAP: from the first {@link #HEADER_PEEK} bytes of the
	 * message (BODY.PEEK[]&lt;0.n&gt;), since a server's ENVELOPE and even its HEADER section may have turned
	 * 8-bit characters into '?' (GreenMail does); POP3: from the header lines (TOP).
	 */
	private String subject(Message message) throws MessagingException {
		byte[] head = null;
		if (message instanceof IMAPMessage imap) {
			int number = imap.getMessageNumber();
			head = (byte[]) ((IMAPFolder) imap.getFolder()).doCommand(protocol -> {
				var body = protocol.peekBody(number, "", 0, HEADER_PEEK);
				return body == null || body.getByteArray() == null ? null : body.getByteArray().getNewBytes();
			});
		}
		else if (message instanceof MimeMessage mime) {
			StringBuilder header = new StringBuilder();
			for (var lines = mime.getAllHeaderLines(); lines.hasMoreElements();) {
				header.append(lines.nextElement()).append("\r\n");
			}
			// header lines come back one char per byte (ISO-8859-1): the original bytes again
			head = header.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
		}
		if (head != null) {
			try {
				var subject = parser.headers(new ByteArrayInputStream(head)).stream()
					.filter(field -> field.name().equalsIgnoreCase("Subject"))
					.map(HeaderField::value)
					.findFirst();
				if (subject.isPresent()) {
					return subject.get();
				}
			}
			catch (MailParseException unreadable) {
				log.debug("Header of an over-size message not readable: {}", unreadable.getMessage());
			}
		}
		return message.getSubject();
	}

	private void record(MailboxDefinition mailbox, Message message, InboundMapper.Receipt receipt, byte[] prefetched)
			throws MessagingException, IOException {
		if (receipt.size > mailbox.maxMessageSize().toBytes()) {
			// decided from the server's size: the body is never downloaded; the envelope says whom to answer
			// processed like any other message (it is rejected there, with a reply), but never downloaded
			receipt.status = InboundStatus.RECEIVED;
			receipt.reasonCodes = InboundMessages.TOO_LARGE;
			Address[] from = message.getFrom();
			receipt.fromAddr = from != null && from.length > 0 && from[0] instanceof InternetAddress ia ? ia.getAddress() : null;
			receipt.subject = subject(message);
			receipt.messageId = message instanceof MimeMessage mime ? mime.getMessageID() : null;
			log.info("Mailbox {}: message of {} bytes over the limit of {} recorded without its body", mailbox.id(), receipt.size,
					mailbox.maxMessageSize());
		}
		else {
			StoredBlob blob;
			long start = System.nanoTime();
			try (InputStream raw = prefetched != null ? new java.io.ByteArrayInputStream(prefetched) : rawStream(message)) {
				blob = blobs.store(raw);
			}
			if (log.isDebugEnabled()) {
				log.debug("Mailbox {}: body fetched and archived in {} ms", mailbox.id(), (System.nanoTime() - start) / 1_000_000);
			}
			receipt.sha256 = blob.sha256();
			receipt.rawBlob = blob.sha256();
			receipt.size = blob.size();
			receipt.status = InboundStatus.RECEIVED;
		}
		InboundMessages.ReceiptResult result;
		try {
			result = inbound.record(receipt);
		}
		catch (DuplicateKeyException raceWithAnotherNode) {
			Optional<Long> id = receipt.uid != null ? inbound.idByUid(mailbox.id(), receipt.uidvalidity, receipt.uid) : Optional.empty();
			result = new InboundMessages.ReceiptResult(id.orElse(-1L), false);
		}
		if (result.created()) {
			monitor.received(mailbox.id());
			log.info("Mailbox {}: received inbound #{} ({} bytes, sha256 {})", mailbox.id(), result.id(), receipt.size,
					receipt.sha256 == null ? "-" : receipt.sha256.substring(0, 12));
		}
		else {
			log.info("Mailbox {}: message already received as inbound #{} (same raw bytes)", mailbox.id(), result.id());
		}
	}
}
