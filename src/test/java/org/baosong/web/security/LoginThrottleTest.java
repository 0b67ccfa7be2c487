package org.baosong.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Lock-outs per name and per address, growing, forgotten after a quiet window: time moved by hand, never slept. */
class LoginThrottleTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T02:00:00Z"));

	/** 3 per name, 5 per address, 10-minute window, 1-minute first lock-out, at most 4 minutes. */
	private final LoginThrottle throttle = new LoginThrottle(new SecurityProperties(null,
			new SecurityProperties.LoginThrottle(3, 5, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(4))), clock);

	@Test
	void theNthFailureForANameLocksItOutWhateverTheAddress() {
		assertThat(throttle.failed("zhang", "10.0.0.1")).isEmpty();
		assertThat(throttle.failed("zhang", "10.0.0.2")).isEmpty();
		assertThat(throttle.lockedFor("zhang", "10.0.0.3")).isEmpty();
		assertThat(throttle.failed("zhang", "10.0.0.3")).contains(Duration.ofMinutes(1));

		assertThat(throttle.lockedFor("zhang", "10.0.0.9")).contains(Duration.ofMinutes(1));
		assertThat(throttle.lockedFor("li", "10.0.0.9")).isEmpty();
		clock.advance(Duration.ofSeconds(59));
		assertThat(throttle.lockedFor("zhang", "10.0.0.9")).contains(Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		assertThat(throttle.lockedFor("zhang", "10.0.0.9")).isEmpty();
	}

	@Test
	void namesAreCountedAsTheDatabaseComparesThem() {
		throttle.failed("Zhang", "10.0.0.1");
		throttle.failed(" zhang", "10.0.0.1");
		throttle.failed("ｚｈａｎｇ", "10.0.0.1");
		assertThat(throttle.lockedFor("ZHANG", "10.0.0.2")).isPresent();
	}

	@Test
	void unknownNamesAreLockedOutExactlyLikeRealOnes() {
		for (int i = 0; i < 3; i++) {
			throttle.failed("no-such-user-" + "x", "10.0.0.1");
		}
		assertThat(throttle.lockedFor("no-such-user-x", "10.0.0.7")).contains(Duration.ofMinutes(1));
	}

	@Test
	void anAddressTryingManyNamesIsLockedOut() {
		for (int i = 0; i < 4; i++) {
			assertThat(throttle.failed("name" + i, "10.0.0.1")).isEmpty();
		}
		assertThat(throttle.failed("name4", "10.0.0.1")).contains(Duration.ofMinutes(1));
		assertThat(throttle.lockedFor("anybody", "10.0.0.1")).isPresent();
		assertThat(throttle.lockedFor("anybody", "10.0.0.2")).isEmpty();
	}

	@Test
	void ipv6ClientsAreCountedPerSlash64() {
		for (int i = 1; i <= 5; i++) {
			throttle.failed("name" + i, "2001:db8:1:2::" + i);
		}
		assertThat(throttle.lockedFor("anybody", "2001:db8:1:2:ffff::1")).isPresent();
		assertThat(throttle.lockedFor("anybody", "2001:db8:1:3::1")).isEmpty();
	}

	@Test
	void loopbackIsNotCountedAsOneClientButNamesStillAre() {
		for (int i = 0; i < 10; i++) {
			throttle.failed("name" + i, "127.0.0.1");
			throttle.failed("other" + i, "::1");
		}
		assertThat(throttle.lockedFor("anybody", "127.0.0.1")).isEmpty();
		assertThat(throttle.lockedFor("anybody", "0:0:0:0:0:0:0:1")).isEmpty();
		throttle.failed("name0", "127.0.0.1");
		throttle.failed("name0", "127.0.0.1");
		assertThat(throttle.lockedFor("name0", "127.0.0.1")).isPresent();
	}

	@Test
	void eachFurtherLockOutDoublesUpToTheLongest() {
		assertThat(lockOut("wang")).contains(Duration.ofMinutes(1));
		clock.advance(Duration.ofMinutes(1));
		assertThat(lockOut("wang")).contains(Duration.ofMinutes(2));
		clock.advance(Duration.ofMinutes(2));
		assertThat(lockOut("wang")).contains(Duration.ofMinutes(4));
		clock.advance(Duration.ofMinutes(4));
		assertThat(lockOut("wang")).contains(Duration.ofMinutes(4));
	}

	@Test
	void aQuietWindowForgetsFailuresAndPastLockOuts() {
		throttle.failed("zhao", "10.0.0.1");
		throttle.failed("zhao", "10.0.0.1");
		clock.advance(Duration.ofMinutes(10));
		assertThat(throttle.failed("zhao", "10.0.0.1")).as("the two earlier failures are out of the window").isEmpty();

		assertThat(lockOut("sun")).contains(Duration.ofMinutes(1));
		clock.advance(Duration.ofMinutes(1).plus(Duration.ofMinutes(10)));
		assertThat(lockOut("sun")).as("a first lock-out again, not a doubled one").contains(Duration.ofMinutes(1));
	}

	@Test
	void aLoginForgetsTheNamesFailuresButNotTheAddresses() {
		throttle.failed("qian", "10.0.0.1");
		throttle.failed("qian", "10.0.0.1");
		throttle.succeeded("qian");
		assertThat(throttle.failed("qian", "10.0.0.1")).isEmpty();
		assertThat(throttle.failed("other", "10.0.0.1")).isEmpty();
		assertThat(throttle.failed("other", "10.0.0.1")).as("fifth failure from this address").contains(Duration.ofMinutes(1));
	}

	@Test
	void aPasswordResetEndsTheLockOut() {
		lockOut("zhou");
		throttle.release("zhou");
		assertThat(throttle.lockedFor("zhou", "10.0.0.200")).isEmpty();
	}

	@Test
	void theMapStaysBoundedUnderASprayOfNames() {
		for (int i = 0; i < 3 * LoginThrottle.MAX_ENTRIES; i++) {
			throttle.failed("spray" + i, "10.0.0.1");
			assertThat(throttle.size()).isLessThanOrEqualTo(LoginThrottle.MAX_ENTRIES);
		}
		assertThat(throttle.lockedFor("anybody", "10.0.0.1")).as("the sprayer's address is still locked out").isPresent();
	}

	/** Fails the name from its own addresses until it is locked out; the lock-out started. */
	private Optional<Duration> lockOut(String name) {
		Optional<Duration> started = Optional.empty();
		for (int i = 0; i < 3; i++) {
			started = throttle.failed(name, "192.168.1." + (i + 1) + name.length());
		}
		return started;
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant start) {
			this.now = start;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}
