package org.baosong.intake;

import org.baosong.mailbox.InboundMessages;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.messaging.MessageHeaders;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Stage 2, declared in one place: reading this is reading how a received message is processed.
 * <pre>
 * intake.queue    claim received messages with a lease (durable: inbound_mail)
 * intake.load     the row and the archived raw bytes
 * intake.parse    Mime4j, streaming; parts into the archive         PARSE_FAILED -> quarantine at once
 * intake.record   decoded subject/sender and the parts on the row
 * intake.screen   the rule chain of the mailbox's profile (screening)
 * intake.outcome  one transaction: outcome + filing + ledger + reply; purge if classified; one log line
 * any other failure: retried after a back-off, quarantined as INTERNAL_ERROR after max-attempts
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "baosong.intake.enabled", matchIfMissing = true)
class IntakeFlow {

	static final String FAILURES = "intake.failures";

	/**
	 * Processing has a thread of its own. On the application's shared scheduler (one thread by default) it
	 * waited behind the outbox sending receipts over SMTP and every other scheduled job, and they behind it
	 * (docs/PERFORMANCE.md: a third of a W1 drain went to waiting for SMTP round trips).
	 */
	@Bean
	IntakeThread intakeThread() {
		return new IntakeThread();
	}

	/**
	 * A poll claims and processes leased batches until none is waiting (maxMessagesPerPoll -1), then waits the
	 * poll interval: a backlog is drained without a pause between batches.
	 */
	@Bean
	IntegrationFlow intakeProcessing(InboundMessages inbound, IntakeProperties properties, IntakeSteps steps, IntakeThread thread) {
		return IntegrationFlow
			.from(new LeasedInboundSource(inbound, properties), e -> e.id("intake.queue")
				.taskScheduler(thread.scheduler())
				.poller(Pollers.fixedDelay(properties.pollInterval()).maxMessagesPerPoll(-1).errorChannel(FAILURES)))
			.handle(IntakeWork.class, timed("load", steps::load), e -> e.id("intake.load"))
			.handle(IntakeWork.class, timed("parse", steps::parse), e -> e.id("intake.parse"))
			.handle(IntakeWork.class, timed("record", steps::record), e -> e.id("intake.record"))
			.handle(IntakeWork.class, timed("screen", steps::screen), e -> e.id("intake.screen"))
			.handle(IntakeWork.class, (work, headers) -> finish(steps::outcome, work), e -> e.id("intake.outcome"))
			.get();
	}

	@Bean
	IntegrationFlow intakeFailures(IntakeFailurePolicy policy) {
		return IntegrationFlow.from(FAILURES)
			.handle(Object.class, (payload, headers) -> policy.onFailure(payload), e -> e.id("intake.quarantine"))
			.get();
	}

	private static org.springframework.integration.core.GenericHandler<IntakeWork> timed(String name, IntakeStep step) {
		return (IntakeWork work, MessageHeaders headers) -> {
			long start = System.nanoTime();
			try {
				step.apply(work);
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new StepFailure(name, ex);
			}
			finally {
				work.stepMillis.put(name, (System.nanoTime() - start) / 1_000_000);
			}
			return work;
		};
	}

	private static Object finish(IntakeStep outcome, IntakeWork work) {
		try {
			outcome.apply(work);
			return null;
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new StepFailure("outcome", ex);
		}
		finally {
			org.slf4j.MDC.remove(LeasedInboundSource.MDC_KEY);
		}
	}

	/**
	 * The intake's own scheduler thread, held by a bean of its own type (not a TaskScheduler bean: those are
	 * injected by type elsewhere, and Boot's auto-configured one would back off).
	 */
	static final class IntakeThread implements DisposableBean {

		private final ThreadPoolTaskScheduler scheduler;

		IntakeThread() {
			scheduler = new ThreadPoolTaskScheduler();
			scheduler.setPoolSize(1);
			scheduler.setThreadNamePrefix("intake-");
			scheduler.initialize();
		}

		TaskScheduler scheduler() {
			return scheduler;
		}

		@Override
		public void destroy() {
			scheduler.shutdown();
		}
	}

	/** A checked failure of a named step, carried through the flow to the failure policy. */
	static final class StepFailure extends RuntimeException {

		final String step;

		StepFailure(String step, Exception cause) {
			super(step + ": " + cause.getMessage(), cause);
			this.step = step;
		}
	}
}
