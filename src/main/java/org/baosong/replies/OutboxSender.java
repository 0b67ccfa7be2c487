package org.baosong.replies;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.TaskScheduler;

/**
 * Delivers the outbox after commit: claims due rows with a lease, sends each over SMTP with the headers of
 * an automatic reply (RFC 3834), and records the result; a failure is retried with a doubling delay and
 * given up as FAILED after max-attempts. A reply is sent from its committed row only, so a crash before
 * sending sends it after the restart; a crash after the relay took it and before the mark sends it again,
 * counted as in doubt (ADR 0024).
 */
final class OutboxSender implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

	private final OutboundMapper mapper;

	private final JavaMailSender mail;

	private final RepliesProperties properties;

	private final String loopId;

	private final TaskScheduler scheduler;

	private final Clock clock;

	private final AtomicLong claims = new AtomicLong();

	private volatile ScheduledFuture<?> task;

	private final boolean active;

	/** @param active false when there is nowhere to send: the outbox is still written, and sent once a relay is set */
	OutboxSender(OutboundMapper mapper, JavaMailSender mail, RepliesProperties properties, String loopId, TaskScheduler scheduler,
			Clock clock, boolean active) {
		this.active = active;
		this.mapper = mapper;
		this.mail = mail;
		this.properties = properties;
		this.loopId = loopId;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	void sendDue() {
		try {
			String owner = NODE + "#out" + claims.incrementAndGet();
			Instant now = clock.instant();
			if (mapper.claim(owner, now, now.plus(properties.lease()), 20) == 0) {
				return;
			}
			for (OutboundMapper.OutboundRow row : mapper.claimed(owner)) {
				send(owner, row);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Outbox pass failed (it is retried): {}", ex.toString());
		}
	}

	/**
	 * Sends one mail, at least once (ADR 0024). The row is stamped as being handed over before the first byte
	 * goes to the relay and marked SENT after the relay's answer to the end of data. Dying (kill -9, the
	 * database going away) between that answer and the mark leaves the stamp; the pass that takes the row up
	 * again counts it as a hand-over in doubt and sends it again, with the same Message-ID, so a duplicate is
	 * recognisable and counted ({@code in_doubt}), and no mail is ever recorded SENT that the relay did not
	 * accept. A failure after the whole message was written that is not the relay's own refusal (the
	 * connection broke before its answer, RFC 1047) counts as in doubt the same way.
	 */
	private void send(String owner, OutboundMapper.OutboundRow row) {
		var written = new AtomicBoolean();
		try {
			if (mapper.handing(row.id, owner, clock.instant()) == 0) {
				log.info("outbound #{} is no longer this pass's (its lease ran out): left to the pass that has it", row.id);
				return;
			}
			mail.send(toMime(row, written));
		}
		catch (MessagingException | RuntimeException ex) {
			int attempt = row.attempts + 1;
			boolean last = attempt >= properties.maxAttempts();
			Instant retryAt = clock.instant().plus(properties.retryAfter().multipliedBy(1L << Math.min(10, attempt - 1)));
			boolean doubt = written.get() && !refusedByRelay(ex);
			mapper.failed(row.id, owner, ex.toString(), last, retryAt, doubt);
			log.warn("outbound #{} to {} failed (attempt {}{}{}): {}", row.id, row.toAddr, attempt, last ? ", given up" : "",
					doubt ? ", the relay may have it" : "", ex.toString());
			return;
		}
		try {
			mapper.sent(row.id, owner, clock.instant());
			log.info("outbound #{} {} sent to {}", row.id, row.kind, row.toAddr);
		}
		catch (RuntimeException databaseFailed) {
			log.error("outbound #{} to {} was accepted by the relay but could not be recorded as sent ({}): it is sent again, "
					+ "flagged as in doubt, when its lease runs out", row.id, row.toAddr, databaseFailed.toString());
		}
	}

	/** True when the relay answered the message with a refusal (so it did not take it), false when it could not answer. */
	static boolean refusedByRelay(Throwable failure) {
		var seen = new java.util.IdentityHashMap<Throwable, Boolean>();
		var todo = new java.util.ArrayDeque<Throwable>();
		todo.add(failure);
		while (!todo.isEmpty()) {
			Throwable t = todo.poll();
			if (seen.put(t, Boolean.TRUE) != null) {
				continue;
			}
			if (t instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 400) {
				return true;
			}
			if (t instanceof MailSendException spring) {
				todo.addAll(spring.getFailedMessages().values());
			}
			if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
				todo.add(messaging.getNextException());
			}
			if (t.getCause() != null) {
				todo.add(t.getCause());
			}
		}
		return false;
	}

	private MimeMessage toMime(OutboundMapper.OutboundRow row, AtomicBoolean written) throws MessagingException {
		MimeMessage message = new MimeMessage(mail.createMimeMessage().getSession()) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", row.messageId);
			}

			@Override
			public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
				super.writeTo(out, ignoreList);
				written.set(true);
			}
		};
		message.setFrom(new InternetAddress(properties.from(), true));
		message.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(row.toAddr, false));
		message.setSubject(row.subject, StandardCharsets.UTF_8.name());
		message.setSentDate(Date.from(clock.instant()));
		message.setText(row.bodyText, StandardCharsets.UTF_8.name());
		message.setHeader("Content-Transfer-Encoding", "base64");
		message.setHeader("Auto-Submitted", "auto-replied");
		message.setHeader("X-Auto-Response-Suppress", "All");
		message.setHeader("X-Loop", loopId);
		if (row.headers != null) {
			for (String line : row.headers.split("\n")) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					message.setHeader(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
				}
			}
		}
		message.saveChanges();
		return message;
	}

	@Override
	public void start() {
		if (active) {
			task = scheduler.scheduleWithFixedDelay(this::sendDue, properties.sendInterval());
		}
	}

	@Override
	public void stop() {
		if (task != null) {
			task.cancel(false);
		}
		task = null;
	}

	@Override
	public boolean isRunning() {
		return task != null;
	}
}
