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
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.TaskScheduler;

/**
 * Delivers the outbox after commit: claims due rows with a lease, sends each over SMTP with the headers of
 * an automatic reply (RFC 3834), and records the result; a failure is retried with a doubling delay and
 * given up as FAILED after max-attempts. A reply is sent from its committed row only, so a crash before
 * sending sends it after the restart, once.
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
	 * Sends one mail. The row is marked SENT once the whole message has been written to the relay and before
	 * the end of its data ("." or BDAT LAST), which is what makes the relay deliver it. A gateway that dies
	 * before the mark leaves the relay an unfinished message, which it drops, and a row a later pass sends; one
	 * that dies after it has told the relay to deliver. So dying (kill -9, the database going away) between
	 * the relay's answer and the mark no longer sends a mail twice, as it did when the mark came after the
	 * answer. What remains is the instant between the mark's commit and writing the end of data: dying there
	 * loses the mail (recorded SENT) instead of doubling it. If the relay refuses the finished message, or
	 * the connection breaks before its answer, the mark is taken back and the mail retried (a relay that
	 * delivered and lost the connection before answering can still cause a duplicate, RFC 1047).
	 */
	private void send(String owner, OutboundMapper.OutboundRow row) {
		var marked = new AtomicBoolean();
		try {
			mail.send(toMime(row, () -> markSent(owner, row, marked)));
			if (!marked.get()) {
				throw new IllegalStateException("the transport never wrote the message");
			}
			log.info("outbound #{} {} sent to {}", row.id, row.kind, row.toAddr);
		}
		catch (MessagingException | RuntimeException ex) {
			int attempt = row.attempts + 1;
			boolean last = attempt >= properties.maxAttempts();
			Instant retryAt = clock.instant().plus(properties.retryAfter().multipliedBy(1L << Math.min(10, attempt - 1)));
			if (marked.get()) {
				unmark(row, ex, last, retryAt);
			}
			else {
				mapper.failed(row.id, owner, ex.toString(), last, retryAt);
			}
			log.warn("outbound #{} to {} failed (attempt {}{}): {}", row.id, row.toAddr, attempt, last ? ", given up" : "", ex.toString());
		}
	}

	/** Called by the transport with the message written and the end of data not yet sent. */
	private void markSent(String owner, OutboundMapper.OutboundRow row, AtomicBoolean marked) throws IOException {
		if (marked.get()) {
			return;
		}
		try {
			if (mapper.sent(row.id, owner, clock.instant()) == 0) {
				throw new IOException("outbound #" + row.id + " is no longer this pass's (its lease ran out): not delivered");
			}
		}
		catch (RuntimeException databaseFailed) {
			// the relay drops a message whose data never ended: nothing is delivered, the row is sent later
			throw new IOException("cannot record outbound #" + row.id + " as sent, so it is not delivered: " + databaseFailed, databaseFailed);
		}
		marked.set(true);
	}

	/** The relay did not take a message marked SENT: back into the queue (or given up). */
	private void unmark(OutboundMapper.OutboundRow row, Exception ex, boolean last, Instant retryAt) {
		try {
			mapper.unsent(row.id, ex.toString(), last, retryAt);
		}
		catch (RuntimeException databaseFailed) {
			log.error("outbound #{} to {} is recorded as sent but the relay did not confirm it ({}), and the record could not be "
					+ "corrected ({}): check the relay's log", row.id, row.toAddr, ex.toString(), databaseFailed.toString());
		}
	}

	/** Runs after the message has been written and before the end of its data. */
	@FunctionalInterface
	interface EndOfData {

		void before() throws IOException;
	}

	private MimeMessage toMime(OutboundMapper.OutboundRow row, EndOfData endOfData) throws MessagingException {
		MimeMessage message = new MimeMessage(mail.createMimeMessage().getSession()) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", row.messageId);
			}

			@Override
			public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
				super.writeTo(out, ignoreList);
				endOfData.before();
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
