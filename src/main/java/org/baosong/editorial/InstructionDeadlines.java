package org.baosong.editorial;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Records missing feedback on leader instructions every {@code baosong.instructions.check-interval}
 * (default one minute): an OPEN instruction whose due date has passed becomes OVERDUE with its
 * FEEDBACK_MISSING act ({@link InstructionFeedback#markOverdue}). Judged by the injected clock in the
 * office's time zone; a failed round is logged and tried again at the next one.
 */
@Component
class InstructionDeadlines implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InstructionDeadlines.class);

	private final InstructionFeedback feedback;

	private final TaskScheduler scheduler;

	private final Duration interval;

	private volatile ScheduledFuture<?> task;

	InstructionDeadlines(InstructionFeedback feedback, TaskScheduler scheduler,
			@Value("${baosong.instructions.check-interval:1m}") Duration interval) {
		this.feedback = feedback;
		this.scheduler = scheduler;
		this.interval = interval;
	}

	void markOverdue() {
		try {
			int marked = feedback.markOverdue();
			if (marked > 0) {
				log.info("{} instruction(s) past their feedback due date without feedback", marked);
			}
		}
		catch (RuntimeException ex) {
			log.warn("recording missing instruction feedback failed: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		task = scheduler.scheduleWithFixedDelay(this::markOverdue, interval);
	}

	@Override
	public void stop() {
		ScheduledFuture<?> running = task;
		if (running != null) {
			running.cancel(false);
		}
		task = null;
	}

	@Override
	public boolean isRunning() {
		return task != null;
	}
}
