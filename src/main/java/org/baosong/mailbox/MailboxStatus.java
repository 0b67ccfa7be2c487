package org.baosong.mailbox;

import java.time.Duration;
import java.time.Instant;

/**
 * How one mailbox is doing, for the dashboard: the receiver's connection as the health check judges it,
 * the last successful poll and how long ago it was (the lag), the last error, and the backlog: messages
 * received and waiting for processing, and since when the oldest has waited.
 */
public record MailboxStatus(String mailboxId, String protocol, String account, String profile, Connection connection,
		Instant lastPoll, Duration lag, Instant lastErrorAt, String lastError, long backlog, Instant oldestWaiting) {

	/**
	 * UP while polls succeed; DOWN when the last thing that happened is an error, or when no poll has succeeded
	 * for three poll intervals; UNKNOWN before the first poll; DISABLED when receiving is turned off.
	 */
	public enum Connection {
		UP, DOWN, UNKNOWN, DISABLED;

		static Connection of(MailboxMonitor.State state, Duration pollInterval, Instant now, boolean receiving) {
			if (!receiving) {
				return DISABLED;
			}
			boolean failing = state.lastErrorAt() != null
					&& (state.lastSuccessfulPoll() == null || state.lastErrorAt().isAfter(state.lastSuccessfulPoll()));
			boolean stale = state.lastSuccessfulPoll() != null
					&& state.lastSuccessfulPoll().plus(pollInterval.multipliedBy(3)).isBefore(now);
			if (failing || stale) {
				return DOWN;
			}
			return state.lastSuccessfulPoll() == null ? UNKNOWN : UP;
		}
	}
}
