package org.baosong.scoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.audit.AuditLog;
import org.baosong.profile.ProfileCatalog;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Closes the assessment periods that are due, every {@code baosong.scoring.close-interval} (default one
 * hour), {@code close-delay-days} after their last day, judged by the injected clock; each close in its own
 * transaction. A failed close is logged and tried again next time.
 */
@Component
class PeriodCloseJob implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PeriodCloseJob.class);

	private final PeriodCloses closes;

	private final ProfileCatalog profiles;

	private final ScoringProperties properties;

	private final TaskScheduler scheduler;

	private final Clock clock;

	private volatile ScheduledFuture<?> task;

	PeriodCloseJob(PeriodCloses closes, ProfileCatalog profiles, ScoringProperties properties, TaskScheduler scheduler, Clock clock) {
		this.closes = closes;
		this.profiles = profiles;
		this.properties = properties;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/** Closes every due period of every profile; returns how many were closed. */
	int closeDue() {
		LocalDate today = LocalDate.now(clock);
		int closed = 0;
		for (var profile : profiles.all()) {
			try {
				for (PeriodRef period : closes.due(profile.id(), today, properties.closeDelayDays())) {
					if (closes.close(profile.id(), period, AuditLog.SYSTEM, false).written()) {
						log.info("closed {} {}", profile.id(), PeriodLabels.of(period));
						closed++;
					}
				}
			}
			catch (RuntimeException ex) {
				log.warn("closing the due periods of {} failed: {}", profile.id(), ex.toString());
			}
		}
		return closed;
	}

	@Override
	public void start() {
		if (properties.closeEnabled()) {
			task = scheduler.scheduleWithFixedDelay(this::closeDue, properties.closeInterval());
		}
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
