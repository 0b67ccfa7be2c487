package org.baosong.mailbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.integration.mail.inbound.ImapIdleChannelAdapter;
import org.springframework.integration.mail.inbound.ImapIdleChannelAdapter.ImapIdleExceptionEvent;
import org.springframework.stereotype.Component;

/**
 * Exponential back-off for the IDLE adapters, which have only a fixed reconnect delay: after each
 * failure in a row the delay doubles (from {@code baosong.receiving.reconnect-initial} up to
 * {@code reconnect-max}); a successful poll resets the count. The adapter reads its delay right after
 * publishing the event, so setting it here takes effect for this very reconnect.
 */
@Component
class ReconnectBackoff {

	private static final Logger log = LoggerFactory.getLogger(ReconnectBackoff.class);

	private final MailboxMonitor monitor;

	private final ReceivingProperties properties;

	ReconnectBackoff(MailboxMonitor monitor, ReceivingProperties properties) {
		this.monitor = monitor;
		this.properties = properties;
	}

	@EventListener
	void onIdleFailure(ImapIdleExceptionEvent event) {
		if (!(event.getSource() instanceof ImapIdleChannelAdapter adapter) || adapter.getComponentName() == null) {
			return;
		}
		String mailboxId = mailboxId(adapter.getComponentName());
		int failures = Math.max(1, monitor.failed(mailboxId, event.getCause()));
		long delay = delayAfter(failures);
		adapter.setReconnectDelay(delay);
		log.warn("Mailbox {}: connection failed ({} in a row), reconnecting in {} ms: {}", mailboxId, failures, delay,
				monitor.state(mailboxId).lastError());
	}

	long delayAfter(int failures) {
		long initial = properties.reconnectInitial().toMillis();
		long max = properties.reconnectMax().toMillis();
		return Math.min(max, initial << Math.min(20, failures - 1));
	}

	/** {@code mailbox.<id>.idle} -> {@code <id>} */
	static String mailboxId(String componentName) {
		String name = componentName.startsWith("mailbox.") ? componentName.substring("mailbox.".length()) : componentName;
		return name.endsWith(".idle") ? name.substring(0, name.length() - ".idle".length()) : name;
	}
}
