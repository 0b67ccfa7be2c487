package org.baosong.intake;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.baosong.mailbox.InboundMail;
import org.baosong.mailbox.InboundMessages;
import org.baosong.mailbox.InboundStatus;
import org.baosong.mime.MailParseException;

class IntakeFailurePolicyTest {

	final InboundMessages inbound = mock(InboundMessages.class);

	final IntakeProperties properties = new IntakeProperties(true, Duration.ofMillis(500), 20, Duration.ofMinutes(5), 3,
			Duration.ofSeconds(30));

	final IntakeFailurePolicy policy = new IntakeFailurePolicy(inbound, properties);

	private IntakeWork work(int attemptsSoFar) {
		var work = new IntakeWork(7, "node#1");
		work.inbound = new InboundMail(7, "demo", 1L, 1L, null, Instant.EPOCH, 10, "a", "a", null, null, null, Instant.EPOCH,
				InboundStatus.RECEIVED, null, null, attemptsSoFar, null, null, null, null);
		return work;
	}

	@Test
	void anUnparseableMessageIsQuarantinedAtOnce() {
		when(inbound.fail(anyLong(), anyString(), anyString(), anyBoolean(), anyString(), any())).thenReturn(true);
		policy.handle(work(0), new MailParseException("more than 1000 header fields", null));
		verify(inbound).fail(eq(7L), eq("node#1"), anyString(), eq(true), eq("PARSE_FAILED"), any());
	}

	@Test
	void otherFailuresAreRetriedWithAGrowingDelayThenQuarantined() {
		policy.handle(work(0), new IOException("disk full"));
		verify(inbound).fail(eq(7L), eq("node#1"), anyString(), eq(false), eq("INTERNAL_ERROR"), eq(Duration.ofSeconds(30)));

		policy.handle(work(1), new IOException("disk full"));
		verify(inbound).fail(eq(7L), eq("node#1"), anyString(), eq(false), eq("INTERNAL_ERROR"), eq(Duration.ofSeconds(60)));

		policy.handle(work(2), new IOException("disk full"));
		verify(inbound).fail(eq(7L), eq("node#1"), anyString(), eq(true), eq("INTERNAL_ERROR"), any());
	}

	@Test
	void aDatabaseOutageIsRetriedLongerAndWithACappedDelay() {
		var lost = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
				new java.sql.SQLException("Connection is closed", "08003"));
		policy.handle(work(2), lost);
		verify(inbound).fail(eq(7L), eq("node#1"), anyString(), eq(false), eq("INTERNAL_ERROR"), eq(Duration.ofSeconds(90)));

		policy.handle(work(20), new org.springframework.dao.DataAccessResourceFailureException("Communications link failure"));
		verify(inbound).fail(eq(7L), eq("node#1"), anyString(), eq(false), eq("INTERNAL_ERROR"), eq(Duration.ofMinutes(5)));

		policy.handle(work(29), new org.springframework.dao.DataAccessResourceFailureException("Communications link failure"));
		verify(inbound).fail(eq(7L), eq("node#1"), anyString(), eq(true), eq("INTERNAL_ERROR"), any());
	}

	@Test
	void aLostLeaseWritesNothing() {
		var work = work(0);
		policy.handle(work, new IntakeStep.LeaseLost(work));
		verify(inbound, never()).fail(anyLong(), anyString(), anyString(), anyBoolean(), anyString(), any());
	}

	private static long anyLong() {
		return org.mockito.ArgumentMatchers.anyLong();
	}
}
