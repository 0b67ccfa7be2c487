package org.baosong.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

class OutagesTest {

	@Test
	void aLostOrUnobtainableConnectionIsAnOutageWhereverItIsInTheChain() {
		assertThat(Outages.isOutage(new CannotGetJdbcConnectionException("pool", new SQLTransientConnectionException("timeout")))).isTrue();
		assertThat(Outages.isOutage(new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed", "08003"))))
			.isTrue();
		assertThat(Outages.isOutage(new IllegalStateException("wrapped", new SQLException("Communications link failure", "08S01")))).isTrue();
		// what GatewayFaultsTest's database outage produced: the rollback failed on the connection Hikari had closed
		assertThat(Outages.isOutage(new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")))).isTrue();
		var overridden = new TransactionSystemException("JDBC rollback failed", new SQLException("rollback refused"));
		overridden.initApplicationException(new org.springframework.dao.RecoverableDataAccessException("Communications link failure"));
		assertThat(Outages.isOutage(overridden)).isTrue();
	}

	@Test
	void aFailureOfTheWorkItselfIsNot() {
		assertThat(Outages.isOutage(new DataIntegrityViolationException("dup", new SQLIntegrityConstraintViolationException("dup", "23000"))))
			.isFalse();
		assertThat(Outages.isOutage(new IOException("disk full"))).isFalse();
		assertThat(Outages.isOutage(new SQLException("syntax", "42000"))).isFalse();
		assertThat(Outages.isOutage(new TransactionSystemException("commit failed"))).isFalse();
		assertThat(Outages.isOutage(new SQLException("Connection is closed", "42000"))).isFalse();
	}
}
