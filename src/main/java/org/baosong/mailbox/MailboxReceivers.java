package org.baosong.mailbox;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.mail.dsl.Mail;
import org.springframework.integration.mail.inbound.MailReceivingMessageSource;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Starts one receiving flow per mailbox (stage 1), after the database is migrated and the mailbox rows
 * exist: {@code mailbox.<id>.idle} (IMAP IDLE adapter, polling where IDLE is missing) or
 * {@code mailbox.<id>.pop3} (polled POP3 source), each ending in {@code mailbox.<id>.receipt}.
 */
@Component
@Order(30)
class MailboxReceivers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MailboxReceivers.class);

	private final Mailboxes mailboxes;

	private final ReceivingProperties properties;

	private final IntegrationFlowContext flows;

	private final InboundMessages inbound;

	private final DurableReceipt receipt;

	private final MailboxMonitor monitor;

	private final TaskScheduler scheduler;

	MailboxReceivers(Mailboxes mailboxes, ReceivingProperties properties, IntegrationFlowContext flows, InboundMessages inbound,
			DurableReceipt receipt, MailboxMonitor monitor, TaskScheduler scheduler) {
		this.mailboxes = mailboxes;
		this.properties = properties;
		this.flows = flows;
		this.inbound = inbound;
		this.receipt = receipt;
		this.monitor = monitor;
		this.scheduler = scheduler;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.enabled()) {
			log.info("Mail receiving is disabled (baosong.receiving.enabled=false)");
			return;
		}
		mailboxes.all().forEach(this::start);
	}

	void start(MailboxDefinition mailbox) {
		String id = mailbox.id();
		IntegrationFlow flow;
		if (mailbox.isImap()) {
			var receiver = new CursorImapMailReceiver(url(mailbox), mailbox, inbound, monitor, scheduler, properties.batchSize(),
					receipt, new PrefetchedBodies(properties.prefetchMaxMessage().toBytes(), properties.prefetchPerPass().toBytes()));
			configure(receiver::setJavaMailProperties, receiver::setJavaMailAuthenticator, mailbox);
			flow = IntegrationFlow
				.from(Mail.imapIdleAdapter(receiver)
					.id("mailbox." + id + ".idle")
					.shouldReconnectAutomatically(true)
					.reconnectDelay(properties.reconnectInitial().toMillis()))
				.handle(Message.class, (message, headers) -> {
					receive(mailbox, message, headers.get(PrefetchedBodies.HEADER, byte[].class));
					receiver.received(message);
					return null;
				}, e -> e.id("mailbox." + id + ".receipt"))
				.get();
			flows.registration(flow).id("mailbox-" + id).addBean("mailbox." + id + ".receiver", receiver).register();
		}
		else {
			var receiver = new CursorPop3MailReceiver(url(mailbox), mailbox, inbound, monitor, properties.batchSize());
			configure(receiver::setJavaMailProperties, receiver::setJavaMailAuthenticator, mailbox);
			var source = new MailReceivingMessageSource(receiver);
			flow = IntegrationFlow
				.from(source, e -> e.id("mailbox." + id + ".pop3")
					.poller(Pollers.fixedDelay(mailbox.pollInterval()).maxMessagesPerPoll(-1)))
				.handle(Message.class, (message, headers) -> receive(mailbox, message, null), e -> e.id("mailbox." + id + ".receipt"))
				.get();
			flows.registration(flow).id("mailbox-" + id).addBean("mailbox." + id + ".receiver", receiver).register();
		}
		log.info("Receiving from {} ({})", mailbox, mailbox.isImap() ? (mailbox.idle() ? "IMAP IDLE, polling fallback" : "IMAP polling")
				: "POP3 polling");
	}

	/**
	 * Any failure ends the pass: later messages of the batch are not received (so the cursor never
	 * passes a message that was not), and the adapter reconnects after the back-off. The cause is wrapped
	 * in a MessagingException because that is what the IDLE adapter treats as "reconnect and go on".
	 */
	private Object receive(MailboxDefinition mailbox, Message message, byte[] prefetched) {
		try {
			if (mailbox.isImap()) {
				receipt.receiveImap(mailbox, message, prefetched);
			}
			else {
				receipt.receivePop3(mailbox, message);
			}
			return null;
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			monitor.failed(mailbox.id(), ex);
			throw new IllegalStateException("receipt failed in mailbox " + mailbox.id(),
					ex instanceof MessagingException me ? me : new MessagingException("receipt failed: " + ex.getMessage(), ex));
		}
	}

	private void configure(java.util.function.Consumer<Properties> setProperties,
			java.util.function.Consumer<jakarta.mail.Authenticator> setAuthenticator, MailboxDefinition mailbox) {
		String p = mailbox.protocol();
		var props = new Properties();
		props.setProperty("mail." + p + ".fetchsize", String.valueOf(properties.fetchBlockSize().toBytes()));
		props.setProperty("mail." + p + ".peek", "true");
		props.setProperty("mail." + p + ".connectiontimeout", String.valueOf(properties.socketTimeout().toMillis()));
		props.setProperty("mail." + p + ".timeout", String.valueOf(properties.socketTimeout().plus(mailbox.pollInterval()).toMillis()));
		props.setProperty("mail." + p + ".writetimeout", String.valueOf(properties.socketTimeout().toMillis()));
		if (!p.endsWith("s")) {
			// TLS (imaps/pop3s) keeps the JVM's SSL socket factory; plain connections get TCP_NODELAY
			props.put("mail." + p + ".socketFactory", NoDelaySocketFactory.INSTANCE);
		}
		// POP3: RETR data goes to a temporary file, not the heap; the raw stream is read from there
		props.setProperty("mail." + p + ".filecache.enable", "true");
		setProperties.accept(props);
		setAuthenticator.accept(new jakarta.mail.Authenticator() {
			@Override
			protected PasswordAuthentication getPasswordAuthentication() {
				return new PasswordAuthentication(mailbox.username(), mailbox.password());
			}
		});
	}

	private static String url(MailboxDefinition mailbox) {
		return mailbox.protocol() + "://" + URLEncoder.encode(mailbox.username(), StandardCharsets.UTF_8) + "@" + mailbox.host() + ":"
				+ mailbox.port() + "/" + mailbox.folder();
	}
}
