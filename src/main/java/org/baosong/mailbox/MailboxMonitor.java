package org.baosong.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** What each mailbox's receiver last did: the last successful poll, the last error, how much it received. */
@Component
public class MailboxMonitor {

	private final Clock clock;

	private final Map<String, State> states = new ConcurrentHashMap<>();

	MailboxMonitor(Clock clock) {
		this.clock = clock;
	}

	/** A snapshot for health and the dashboard; every field may be null before the first poll. */
	public record State(Instant lastSuccessfulPoll, Instant lastReceipt, Instant lastErrorAt, String lastError,
			long received, int consecutiveFailures) {

		static final State NONE = new State(null, null, null, null, 0, 0);
	}

	public State state(String mailboxId) {
		return states.getOrDefault(mailboxId, State.NONE);
	}

	void polled(String mailboxId) {
		Instant now = clock.instant();
		states.merge(mailboxId, State.NONE, (s, x) -> s);
		states.computeIfPresent(mailboxId,
				(k, s) -> new State(now, s.lastReceipt(), s.lastErrorAt(), s.lastError(), s.received(), 0));
	}

	void received(String mailboxId) {
		Instant now = clock.instant();
		states.merge(mailboxId, new State(now, now, null, null, 1, 0),
				(s, x) -> new State(now, now, s.lastErrorAt(), s.lastError(), s.received() + 1, 0));
	}

	/** Records a failure; returns how many failures in a row this mailbox has had (for the back-off). */
	int failed(String mailboxId, Throwable error) {
		Instant now = clock.instant();
		String message = error.getClass().getSimpleName() + ": " + rootMessage(error);
		State state = states.merge(mailboxId, new State(null, null, now, message, 0, 1),
				(s, x) -> new State(s.lastSuccessfulPoll(), s.lastReceipt(), now, message, s.received(), s.consecutiveFailures() + 1));
		return state.consecutiveFailures();
	}

	private static String rootMessage(Throwable error) {
		Throwable t = error;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return String.valueOf(t.getMessage());
	}
}
