package org.baosong.common;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells an outage of something the gateway depends on (the database unreachable, its connection lost)
 * from a failure of the work itself. An outage says nothing about the message being processed: it is
 * not a reason to judge it (quarantine it, skip a rule) or to count an attempt against it; the work is
 * retried when the outage ends (RELIABILITY.md, "database unavailable for 30 s").
 */
public final class Outages {

	private static final String HIKARI_CLOSED = "Connection is closed";

	private Outages() {
	}

	/** True when {@code failure} or any of its causes is a lost or unobtainable database connection. */
	public static boolean isOutage(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		var todo = new java.util.ArrayDeque<Throwable>();
		todo.add(failure);
		while (!todo.isEmpty()) {
			Throwable t = todo.poll();
			if (!seen.add(t)) {
				continue;
			}
			if (t.getCause() != null) {
				todo.add(t.getCause());
			}
			// a rollback that failed hides the exception that caused it ("Application exception overridden by
			// rollback exception"): that one says what happened
			if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
				todo.add(rollback.getApplicationException());
			}
			if (t instanceof DataAccessResourceFailureException || t instanceof RecoverableDataAccessException
					|| t instanceof TransientDataAccessResourceException || t instanceof CannotCreateTransactionException
					|| t instanceof SQLRecoverableException || t instanceof SQLTransientConnectionException) {
				return true;
			}
			// SQLSTATE class 08: connection exception (SQL standard), whatever the driver's exception type
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			// HikariCP's proxy of a connection it closed as broken answers every call so, without an SQLSTATE
			if (t instanceof SQLException sql && sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage())) {
				return true;
			}
		}
		return false;
	}
}
