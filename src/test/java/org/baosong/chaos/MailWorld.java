package org.baosong.chaos;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.baosong.testsupport.CuttableProxy;

/**
 * The mail side of a fault-injection run, on loopback: the official mailbox (a GreenMail IMAP server,
 * folder {@value #FOLDER}, reached through a proxy that can cut the connection) and the SMTP relay the
 * replies go to (another GreenMail, reached through a proxy that can play it down), which counts what it
 * received. Messages are put straight into the folder, as a mail server's delivery would.
 */
public final class MailWorld implements AutoCloseable {

	public static final String ADDRESS = "submit@chaos.test";

	public static final String PASSWORD = "chaos-mailbox-password";

	/** A folder of its own, not INBOX: a UIDVALIDITY reset deletes and re-creates it. */
	public static final String FOLDER = "Submissions";

	private final GreenMail office;

	private final GreenMail relay;

	private final CuttableProxy imapProxy;

	private final CuttableProxy smtpProxy;

	private final GreenMailUser user;

	public MailWorld() throws IOException {
		office = new GreenMail(new ServerSetup[] { new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
		office.start();
		user = office.setUser(ADDRESS, ADDRESS, PASSWORD);
		relay = new GreenMail(new ServerSetup[] { new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
				new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
		relay.start();
		imapProxy = new CuttableProxy(office.getImap().getPort());
		smtpProxy = new CuttableProxy(relay.getSmtp().getPort());
		folder();
	}

	/** The port the gateway's mailbox definition names (through the cuttable proxy). */
	public int imapPort() {
		return imapProxy.port();
	}

	/** The port of the gateway's SMTP relay (through the proxy that can play it down). */
	public int smtpPort() {
		return smtpProxy.port();
	}

	/** The relay's own IMAP port, where each recipient's mailbox can be read (login = password = address). */
	public int relayImapPort() {
		return relay.getImap().getPort();
	}

	public CuttableProxy imapProxy() {
		return imapProxy;
	}

	public CuttableProxy smtpProxy() {
		return smtpProxy;
	}

	/** The gateway's mailbox definition as {@code baosong.mailboxes[index].*} arguments. */
	public List<String> mailboxArguments(int index, String id) {
		String p = "--baosong.mailboxes[" + index + "].";
		return List.of(p + "id=" + id, p + "protocol=imap", p + "host=127.0.0.1", p + "port=" + imapPort(), p + "username=" + ADDRESS,
				p + "password=" + PASSWORD, p + "folder=" + FOLDER, p + "poll-interval=2s");
	}

	/** The reply relay as {@code baosong.replies.*} arguments (GreenMail refuses the null reverse-path). */
	public List<String> relayArguments() {
		return List.of("--baosong.replies.smtp.host=127.0.0.1", "--baosong.replies.smtp.port=" + smtpPort(),
				"--baosong.replies.envelope-sender=gateway@chaos.test");
	}

	/** Puts the messages into the folder and returns what the checker needs of each (the SHA-256 as served). */
	public List<InvariantChecker.Sent> deliver(List<ChaosCorpus.Mail> mails) throws Exception {
		var sent = new ArrayList<InvariantChecker.Sent>(mails.size());
		for (ChaosCorpus.Mail mail : mails) {
			sent.add(new InvariantChecker.Sent(mail.messageId(), deliver(mail.raw()), mail.expectedOutcome()));
		}
		return sent;
	}

	/** Puts one message into the folder; returns the SHA-256 of the bytes the server will serve for it. */
	public String deliver(byte[] raw) throws Exception {
		MailFolder target = folder();
		long uid = target.appendMessage(mime(raw), new Flags(), new Date());
		return sha256(bytes(target.getMessage(uid).getMimeMessage()));
	}

	/** Messages in the folder now. */
	public int messageCount() throws Exception {
		return folder().getMessageCount();
	}

	public long uidValidity() throws Exception {
		return folder().getUidValidity();
	}

	/**
	 * A UIDVALIDITY reset, as when a server is restored or migrated: the folder is deleted and created again
	 * (GreenMail gives it a new UIDVALIDITY, the second it was created in) and every message it held is put
	 * back, same bytes, new UIDs. Returns the new UIDVALIDITY.
	 */
	public long resetUidValidity() throws Exception {
		long before = uidValidity();
		var held = new ArrayList<byte[]>();
		for (var stored : folder().getMessages()) {
			held.add(bytes(stored.getMimeMessage()));
		}
		// UIDVALIDITY is the creation time in seconds: a new one needs the next second
		while (System.currentTimeMillis() / 1000 <= before) {
			Thread.onSpinWait();
		}
		var host = office.getManagers().getImapHostManager();
		MailFolder old = host.getFolder(user, FOLDER);
		try {
			host.deleteMailbox(user, FOLDER);
		}
		catch (NullPointerException closedSession) {
			// GreenMail 2.1.9: a connection closed earlier (the IMAP cuts) stays a listener of the folder with its
			// response gone, and telling it of the deletion fails after the messages were removed and before the
			// folder was; finish the deletion in the store, and close the connections the server failed to close
			// (a server restored or migrated drops its clients): the gateway reconnects and selects the new folder
			host.getStore().deleteMailbox(old);
			imapProxy.cutNow();
		}
		MailFolder fresh = office.getManagers().getImapHostManager().createMailbox(user, FOLDER);
		for (byte[] raw : held) {
			fresh.appendMessage(mime(raw), new Flags(), new Date());
		}
		return fresh.getUidValidity();
	}

	/** The Message-ID of every mail the relay received, once per delivery. */
	public List<String> delivered() throws MessagingException {
		var ids = new ArrayList<String>();
		for (MimeMessage message : relay.getReceivedMessages()) {
			String id = message.getMessageID();
			ids.add(id == null ? "(no Message-ID)" : id);
		}
		return ids;
	}

	/** The mails the relay received for one address. */
	public List<MimeMessage> deliveredTo(String address) {
		var found = new ArrayList<MimeMessage>();
		for (MimeMessage message : relay.getReceivedMessages()) {
			try {
				var to = message.getRecipients(jakarta.mail.Message.RecipientType.TO);
				if (to != null && to.length > 0 && to[0].toString().contains(address)) {
					found.add(message);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return found;
	}

	private MailFolder folder() {
		try {
			var folders = office.getManagers().getImapHostManager();
			MailFolder folder = folders.getFolder(user, FOLDER);
			return folder != null ? folder : folders.createMailbox(user, FOLDER);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static MimeMessage mime(byte[] raw) throws MessagingException {
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
	}

	static byte[] bytes(MimeMessage mime) throws IOException, MessagingException {
		var out = new ByteArrayOutputStream();
		mime.writeTo(out);
		return out.toByteArray();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		imapProxy.close();
		smtpProxy.close();
		office.stop();
		relay.stop();
	}
}
