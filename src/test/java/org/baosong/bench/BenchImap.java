package org.baosong.bench;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The IMAP server the benchmark fills and the gateway reads: an embedded GreenMail (loopback, dynamic
 * ports; also the SMTP server the gateway's replies go to), or any server given by host, port, user and
 * password (a Dovecot, say), which must let the user create folders. Workloads are loaded into a staging
 * folder first (in-process for GreenMail, by APPEND otherwise) and handed to the gateway by one IMAP COPY
 * into the folder it watches: the backlog appears at once, as mail does after an outage.
 */
final class BenchImap implements AutoCloseable {

	static final String USER = "bench@bench.baosong.test";

	private final GreenMail greenMail;

	final String host;

	final int port;

	final String user;

	final String password;

	private final Session session = Session.getInstance(new Properties());

	private Store store;

	private BenchImap(GreenMail greenMail, String host, int port, String user, String password) {
		this.greenMail = greenMail;
		this.host = host;
		this.port = port;
		this.user = user;
		this.password = password;
	}

	static BenchImap embedded() {
		var greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
				new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
		greenMail.start();
		String password = "bench-mailbox-password";
		greenMail.setUser(USER, USER, password);
		return new BenchImap(greenMail, "127.0.0.1", greenMail.getImap().getPort(), USER, password);
	}

	static BenchImap external(String host, int port, String user, String password) {
		return new BenchImap(null, host, port, user, password);
	}

	boolean isEmbedded() {
		return greenMail != null;
	}

	/** The SMTP port of the embedded server (the gateway's replies go there), or -1. */
	int smtpPort() {
		return greenMail == null ? -1 : greenMail.getSmtp().getPort();
	}

	String describe() {
		if (greenMail != null) {
			String jar = GreenMail.class.getProtectionDomain().getCodeSource().getLocation().getPath();
			String version = jar.replaceAll(".*/greenmail-([^/]+)\\.jar$", "$1");
			return "GreenMail " + (version.equals(jar) ? "" : version + " ") + "(embedded in the harness JVM, loopback)";
		}
		return "IMAP server " + host + ":" + port;
	}

	private synchronized Store store() throws MessagingException {
		if (store == null || !store.isConnected()) {
			store = session.getStore("imap");
			store.connect(host, port, user, password);
		}
		return store;
	}

	/** Creates the folder if it is not there; empties it if it is. */
	synchronized void fresh(String name) throws MessagingException {
		Folder folder = store().getFolder(name);
		if (!folder.exists()) {
			folder.create(Folder.HOLDS_MESSAGES);
		}
		else {
			clear(name);
		}
	}

	synchronized void delete(String name) throws MessagingException {
		Folder folder = store().getFolder(name);
		if (folder.exists()) {
			folder.delete(true);
		}
	}

	/** Loads raw messages into a folder: in-process into GreenMail, by APPEND into any other server. */
	synchronized void load(String name, List<byte[]> raws) throws Exception {
		if (greenMail != null) {
			var user = greenMail.getUserManager().getUser(USER);
			var folder = greenMail.getManagers().getImapHostManager().getFolder(user, name);
			for (byte[] raw : raws) {
				folder.appendMessage(new MimeMessage(session, new ByteArrayInputStream(raw)), new Flags(), new Date());
			}
			return;
		}
		Folder folder = store().getFolder(name);
		var batch = new ArrayList<Message>();
		for (byte[] raw : raws) {
			batch.add(new MimeMessage(session, new ByteArrayInputStream(raw)));
			if (batch.size() == 100) {
				folder.appendMessages(batch.toArray(Message[]::new));
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			folder.appendMessages(batch.toArray(Message[]::new));
		}
	}

	/** One message arriving (open-loop arrivals): as delivery would put it there. */
	void append(String name, byte[] raw) throws Exception {
		load(name, List.of(raw));
	}

	/** Copies every message of one folder into another with one IMAP COPY; returns how many. */
	synchronized int copyAll(String from, String to) throws MessagingException {
		return copyFirst(from, to, Integer.MAX_VALUE);
	}

	/** Copies the first {@code limit} messages of one folder into another with one IMAP COPY; returns how many. */
	synchronized int copyFirst(String from, String to, int limit) throws MessagingException {
		Folder source = store().getFolder(from);
		source.open(Folder.READ_ONLY);
		try {
			Message[] messages = source.getMessages();
			if (messages.length > limit) {
				messages = java.util.Arrays.copyOf(messages, limit);
			}
			if (messages.length > 0) {
				source.copyMessages(messages, store().getFolder(to));
			}
			return messages.length;
		}
		finally {
			source.close(false);
		}
	}

	synchronized void clear(String name) throws MessagingException {
		Folder folder = store().getFolder(name);
		folder.open(Folder.READ_WRITE);
		try {
			if (folder.getMessageCount() > 0) {
				folder.setFlags(1, folder.getMessageCount(), new Flags(Flags.Flag.DELETED), true);
			}
		}
		finally {
			folder.close(true);
		}
	}

	synchronized int count(String name) throws MessagingException {
		return store().getFolder(name).getMessageCount();
	}

	/** UIDVALIDITY and the highest UID of a folder. */
	synchronized long[] uids(String name) throws MessagingException {
		var folder = (UIDFolder) store().getFolder(name);
		((Folder) folder).open(Folder.READ_ONLY);
		try {
			int n = ((Folder) folder).getMessageCount();
			long last = n == 0 ? 0 : folder.getUID(((Folder) folder).getMessage(n));
			return new long[] { folder.getUIDValidity(), last };
		}
		finally {
			((Folder) folder).close(false);
		}
	}

	@Override
	public synchronized void close() throws MessagingException {
		if (store != null) {
			store.close();
		}
		if (greenMail != null) {
			greenMail.stop();
		}
	}
}
