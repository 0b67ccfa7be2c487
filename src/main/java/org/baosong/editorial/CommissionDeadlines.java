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
 * Every {@code baosong.commissions.close-interval} (default one minute): closes commissions whose
 * deadline has passed, their pending targets becoming missing ({@link Commissions#closeDue}), then
 * reminds the pending targets of those whose deadline is near ({@link CommissionReminders#remindDue}).
 * Judged by the injected clock; a failed round is logged and tried again at the next one.
 */
@Component
class CommissionDeadlines implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CommissionDeadlines.class);

	private final Commissions commissions;

	private final CommissionReminders reminders;

	private final TaskScheduler scheduler;

	private final Duration interval;

	private volatile ScheduledFuture<?> task;

	CommissionDeadlines(Commissions commissions, CommissionReminders reminders, TaskScheduler scheduler,
			@Value("${baosong.commissions.close-interval:1m}") Duration interval) {
		this.commissions = commissions;
		this.reminders = reminders;
		this.scheduler = scheduler;
		this.interval = interval;
	}

	private void round() {
		closeDue();
		remindDue();
	}

	void closeDue() {
		try {
			int closed = commissions.closeDue();
			if (closed > 0) {
				log.info("closed {} commission(s) past their deadline", closed);
			}
		}
		catch (RuntimeException ex) {
			log.warn("closing commissions past their deadline failed: {}", ex.toString());
		}
	}

	void remindDue() {
		try {
			int reminded = reminders.remindDue();
			if (reminded > 0) {
				log.info("reminded {} commission target(s) of their deadline", reminded);
			}
		}
		catch (RuntimeException ex) {
			log.warn("reminding commission targets of their deadline failed: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		task = scheduler.scheduleWithFixedDelay(this::round, interval);
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
