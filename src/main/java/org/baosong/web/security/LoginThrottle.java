package org.baosong.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.baosong.common.TextKeys;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per user name and per client address and locks either out for a while
 * after too many (settings in {@link SecurityProperties.LoginThrottle}). Names are counted whether
 * or not such a user exists, so a lock-out tells a guesser nothing about the accounts.
 *
 * <p>The counters live in memory on this node: a restart forgets them, and several nodes count
 * separately (ADR 0011). The map is bounded: entries that are neither locked nor recent are
 * dropped when it grows, so a spray of random names cannot exhaust memory.
 */
@Component
class LoginThrottle {

	static final int MAX_ENTRIES = 10_000;

	private final SecurityProperties.LoginThrottle settings;

	private final Clock clock;

	private final Map<String, Counter> counters = new HashMap<>();

	LoginThrottle(SecurityProperties properties, Clock clock) {
		this.settings = properties.loginThrottle();
		this.clock = clock;
	}

	/** How much longer this name or this address is locked out, if either is. */
	synchronized Optional<Duration> lockedFor(String username, String address) {
		Instant now = clock.instant();
		Duration longest = Duration.ZERO;
		for (String key : new String[] { userKey(username), addressKey(address) }) {
			Counter counter = key == null ? null : counters.get(key);
			if (counter != null && counter.lockedUntil != null && counter.lockedUntil.isAfter(now)) {
				Duration left = Duration.between(now, counter.lockedUntil);
				longest = left.compareTo(longest) > 0 ? left : longest;
			}
		}
		return longest.isZero() ? Optional.empty() : Optional.of(longest);
	}

	/** Counts a failed attempt; the lock-out it starts (the longer one, if both start), if any. */
	synchronized Optional<Duration> failed(String username, String address) {
		Instant now = clock.instant();
		if (counters.size() >= MAX_ENTRIES) {
			forgetQuiet(now);
		}
		Duration started = Duration.ZERO;
		String user = userKey(username);
		if (user != null) {
			started = longer(started, counters.computeIfAbsent(user, k -> new Counter()).fail(now, settings.maxFailuresPerUser()));
		}
		String addr = addressKey(address);
		if (addr != null) {
			started = longer(started, counters.computeIfAbsent(addr, k -> new Counter()).fail(now, settings.maxFailuresPerAddress()));
		}
		return started.isZero() ? Optional.empty() : Optional.of(started);
	}

	/**
	 * A successful login forgets the name's failures. The address keeps its count: one known
	 * password must not buy a guesser fresh attempts at every other name.
	 */
	synchronized void succeeded(String username) {
		String key = userKey(username);
		if (key != null) {
			counters.remove(key);
		}
	}

	/** An administrator set a new password: the name's lock-out ends. */
	synchronized void release(String username) {
		succeeded(username);
	}

	/** Names and addresses counted at the moment. */
	synchronized int size() {
		return counters.size();
	}

	private void forgetQuiet(Instant now) {
		counters.values().removeIf(c -> c.quiet(now));
		if (counters.size() >= MAX_ENTRIES) {
			// a spray of names that are all locked: keep the addresses, which still slow the sprayer down
			counters.keySet().removeIf(k -> k.startsWith("u:"));
		}
	}

	private static Duration longer(Duration a, Duration b) {
		return b.compareTo(a) > 0 ? b : a;
	}

	/** The same key for the names the database treats as one (case, full-width forms, spaces). */
	static String userKey(String username) {
		if (username == null || username.isBlank()) {
			return null;
		}
		String key = TextKeys.nameKey(username);
		return "u:" + (key.length() > 64 ? key.substring(0, 64) : key);
	}

	/**
	 * IPv6 clients are counted per /64, the block one subscriber usually holds. Loopback is not
	 * counted: it is what a reverse proxy without forwarded headers looks like, and counting it would
	 * let anyone lock the whole office out with a few wrong passwords (names are still counted).
	 */
	static String addressKey(String address) {
		if (address == null || address.isBlank() || isLoopback(address)) {
			return null;
		}
		if (address.indexOf(':') < 0 || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || ":.[]%".indexOf(c) >= 0)) {
			return "a:" + address;
		}
		try {
			// a literal with a colon is parsed, never looked up in DNS
			byte[] bytes = java.net.InetAddress.getByName(address.replace("[", "").replace("]", "")).getAddress();
			if (bytes.length == 4) {
				return "a:" + java.net.InetAddress.getByAddress(bytes).getHostAddress();
			}
			var prefix = new StringBuilder("a:");
			for (int i = 0; i < 8; i += 2) {
				prefix.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
			}
			return prefix.append(":/64").toString();
		}
		catch (java.net.UnknownHostException notALiteral) {
			return "a:" + address;
		}
	}

	private static boolean isLoopback(String address) {
		return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1") || address.equals("[::1]");
	}

	private final class Counter {

		private final Deque<Instant> failures = new ArrayDeque<>();

		private Instant lockedUntil;

		private Instant lastFailure;

		private int lockouts;

		Duration fail(Instant now, int limit) {
			if (lastFailure != null && !lastFailure.plus(settings.window()).isAfter(now)
					&& (lockedUntil == null || !lockedUntil.plus(settings.window()).isAfter(now))) {
				lockouts = 0;
			}
			lastFailure = now;
			while (!failures.isEmpty() && !failures.peekFirst().plus(settings.window()).isAfter(now)) {
				failures.removeFirst();
			}
			failures.addLast(now);
			if (failures.size() < limit) {
				return Duration.ZERO;
			}
			failures.clear();
			Duration lockout = settings.lockout().multipliedBy(1L << Math.min(lockouts, 20));
			if (lockout.compareTo(settings.maxLockout()) > 0) {
				lockout = settings.maxLockout();
			}
			lockouts++;
			lockedUntil = now.plus(lockout);
			return lockout;
		}

		boolean quiet(Instant now) {
			boolean locked = lockedUntil != null && lockedUntil.plus(settings.window()).isAfter(now);
			return !locked && (lastFailure == null || !lastFailure.plus(settings.window()).isAfter(now));
		}
	}
}
