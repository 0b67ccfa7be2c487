package org.baosong.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.baosong.common.BaosongProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system clock moved forward by an offset a test sets: for a test of what happens days later (a due
 * date passing) on rows recorded now. Import {@link Config} to make it the application's clock; shift it
 * only while no mail is in flight (intake's leases and the outbox read the same clock), and reset it after
 * each test.
 */
public final class ShiftedClock extends Clock {

	private final Clock system;

	private final AtomicReference<Duration> offset;

	private ShiftedClock(Clock system, AtomicReference<Duration> offset) {
		this.system = system;
		this.offset = offset;
	}

	public ShiftedClock(ZoneId zone) {
		this(Clock.system(zone), new AtomicReference<>(Duration.ZERO));
	}

	/** Moves the clock this far ahead of the system clock (replacing any earlier shift). */
	public void shift(Duration ahead) {
		offset.set(ahead);
	}

	public void reset() {
		offset.set(Duration.ZERO);
	}

	@Override
	public Instant instant() {
		return system.instant().plus(offset.get());
	}

	@Override
	public ZoneId getZone() {
		return system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new ShiftedClock(system.withZone(zone), offset);
	}

	/** The application's clock in a test that imports this. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		ShiftedClock shiftedClock(BaosongProperties properties) {
			return new ShiftedClock(properties.timeZone());
		}
	}
}
