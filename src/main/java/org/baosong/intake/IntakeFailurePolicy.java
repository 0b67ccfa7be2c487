package org.baosong.intake;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.baosong.common.Outages;
import org.baosong.mailbox.InboundMessages;
import org.baosong.mime.MailParseException;
import org.springframework.messaging.MessagingException;
import org.springframework.stereotype.Component;

/**
 * Where a failed message goes. A message that cannot be parsed never will be: it is quarantined at
 * once as PARSE_FAILED. Anything else (the database, the disk, a bug) may pass: the message is tried
 * again after a growing delay and quarantined as INTERNAL_ERROR after max-attempts. An outage (the
 * database unreachable, {@link Outages}) is not the message's fault: it is retried with the delay capped,
 * and gets ten times the attempts (hours, not seconds) before it is quarantined. Either way the next message is processed; one bad
 * message never blocks the others.
 */
@Component
class IntakeFailurePolicy {

	private static final Logger log = LoggerFactory.getLogger(IntakeFailurePolicy.class);

	static final String PARSE_FAILED = "PARSE_FAILED";

	static final String INTERNAL_ERROR = "INTERNAL_ERROR";

	private final InboundMessages inbound;

	private final IntakeProperties properties;

	IntakeFailurePolicy(InboundMessages inbound, IntakeProperties properties) {
		this.inbound = inbound;
		this.properties = properties;
	}

	Object onFailure(Object payload) {
		try {
			if (!(payload instanceof MessagingException failure) || failure.getFailedMessage() == null
					|| !(failure.getFailedMessage().getPayload() instanceof IntakeWork work)) {
				log.error("Intake failure outside a message", payload instanceof Throwable t ? t : null);
				return null;
			}
			handle(work, rootOf(failure));
			return null;
		}
		finally {
			MDC.remove(LeasedInboundSource.MDC_KEY);
		}
	}

	void handle(IntakeWork work, Throwable cause) {
		if (cause instanceof IntakeStep.LeaseLost) {
			log.warn("{}: {}", work, cause.getMessage());
			return;
		}
		boolean unparseable = cause instanceof MailParseException;
		boolean outage = Outages.isOutage(cause);
		int attempt = (work.inbound == null ? 0 : work.inbound.attempts()) + 1;
		// an outage gets ten times the attempts: a message that itself breaks the connection every time (a
		// packet over the server's limit) still ends, after hours, instead of looping for ever
		boolean quarantine = unparseable || attempt >= properties.maxAttempts() * (outage ? 10 : 1);
		String reason = unparseable ? PARSE_FAILED : INTERNAL_ERROR;
		String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
		try {
			inbound.fail(work.inboundId, work.leaseOwner, error, quarantine, reason, properties.retryAfter().multipliedBy(Math.min(attempt, 10)));
		}
		catch (RuntimeException writeFailed) {
			// the lease runs out and the message is claimed again: nothing is lost
			log.error("{}: could not record the failure ({}); it will be retried when its lease ends", work, writeFailed.getMessage());
		}
		if (quarantine) {
			log.warn("{} QUARANTINED reasons={} attempt={} error=\"{}\" {}", work, List.of(reason), attempt, error, work.timings());
		}
		else if (outage) {
			log.warn("{} met an outage (attempt {} of {}), retry in {}: {}", work, attempt, properties.maxAttempts() * 10,
					properties.retryAfter().multipliedBy(Math.min(attempt, 10)), error);
		}
		else {
			log.warn("{} failed attempt {} of {}, retry in {}: {}", work, attempt, properties.maxAttempts(),
					properties.retryAfter().multipliedBy(Math.min(attempt, 10)), error, cause);
		}
	}

	private static Throwable rootOf(Throwable failure) {
		Throwable t = failure;
		while ((t instanceof MessagingException || t instanceof IntakeFlow.StepFailure) && t.getCause() != null) {
			t = t.getCause();
		}
		return t;
	}
}
