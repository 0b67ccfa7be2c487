package org.baosong.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * When the outbox marks a mail SENT: after the whole message is written to the relay and before the end of
 * its data. A mark that cannot be written (the database gone) means the relay never delivers the mail, so
 * the later retry is its only delivery; the mark is in place before the relay has the mail, so no death
 * between the relay's answer and the mark can send it twice (GatewayFaultsTest found that duplicate).
 */
class OutboxSenderTest {

	final GreenMail relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	final OutboundMapper mapper = mock(OutboundMapper.class);

	final Clock clock = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);

	OutboxSender sender;

	@BeforeEach
	void start() {
		relay.start();
		var mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(relay.getSmtp().getPort());
		var props = new Properties();
		props.setProperty("mail.smtp.from", "gateway@baosong.test");
		mail.setJavaMailProperties(props);
		var properties = new RepliesProperties(true, "报送系统 <submit@baosong.test>", "gateway@baosong.test", "baosong.test", "./config/templates/mail",
				new RepliesProperties.Smtp(null, 25, null, null, false), 1, 20, Duration.ofSeconds(1), 8, Duration.ofSeconds(30),
				Duration.ofMinutes(5));
		sender = new OutboxSender(mapper, mail, properties, "baosong-gateway", null, clock, true);
		when(mapper.claim(anyString(), any(), any(), anyInt())).thenReturn(1);
		when(mapper.claimed(anyString())).thenReturn(List.of(row()));
	}

	@AfterEach
	void stop() {
		relay.stop();
	}

	@Test
	void theMarkIsWrittenBeforeTheRelayHasTheMail() {
		var deliveredAtMark = new AtomicInteger(-1);
		when(mapper.sent(eq(7L), anyString(), any())).thenAnswer(invocation -> {
			deliveredAtMark.set(relay.getReceivedMessages().length);
			return 1;
		});

		sender.sendDue();

		assertThat(deliveredAtMark.get()).as("mails the relay had when the row was marked SENT").isZero();
		assertThat(relay.getReceivedMessages()).hasSize(1);
		verify(mapper, never()).failed(anyLong(), anyString(), anyString(), anyBoolean(), any());
		verify(mapper, never()).unsent(anyLong(), anyString(), anyBoolean(), any());
	}

	@Test
	void aMarkThatCannotBeWrittenDeliversNothingAndTheRowIsRetried() {
		when(mapper.sent(eq(7L), anyString(), any())).thenThrow(new DataAccessResourceFailureException("Communications link failure"));

		sender.sendDue();

		assertThat(relay.getReceivedMessages()).as("the relay drops a message whose data never ended").isEmpty();
		verify(mapper).failed(eq(7L), anyString(), anyString(), eq(false), any());
	}

	@Test
	void aLeaseThatRanOutDeliversNothing() {
		when(mapper.sent(eq(7L), anyString(), any())).thenReturn(0);

		sender.sendDue();

		assertThat(relay.getReceivedMessages()).isEmpty();
	}

	private static OutboundMapper.OutboundRow row() {
		var row = new OutboundMapper.OutboundRow();
		row.id = 7L;
		row.inboundId = 3L;
		row.kind = "RECEIPT";
		row.dedupKey = "inbound:3:RECEIPT";
		row.toAddr = "xxb.d01@demo.baosong.test";
		row.subject = "【已收到】测试";
		row.bodyText = "已登记入库。";
		row.messageId = "<outbox-test@baosong.test>";
		row.status = "PENDING";
		return row;
	}
}
