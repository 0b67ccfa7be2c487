package org.baosong.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox sends at least once (ADR 0024): the row is stamped before the hand-over and marked SENT only
 * after the relay accepted the mail, so no mail is recorded SENT that the relay does not have; where the
 * relay may have it without the mark (the database gone after its answer, the connection broken before
 * it), the row is sent again and counted in doubt. The counting on the next claim is OutboundMapperTest's.
 */
class OutboxSenderTest {

	final GreenMail relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	final OutboundMapper mapper = mock(OutboundMapper.class);

	final Clock clock = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);

	@BeforeEach
	void start() {
		relay.start();
		when(mapper.claim(anyString(), any(), any(), anyInt())).thenReturn(1);
		when(mapper.claimed(anyString())).thenReturn(List.of(row()));
		when(mapper.handing(eq(7L), anyString(), any())).thenReturn(1);
		when(mapper.sent(eq(7L), anyString(), any())).thenReturn(1);
	}

	@AfterEach
	void stop() {
		relay.stop();
	}

	private OutboxSender sender(int port) {
		var mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(port);
		var props = new Properties();
		props.setProperty("mail.smtp.from", "gateway@baosong.test");
		props.setProperty("mail.smtp.timeout", "5000");
		mail.setJavaMailProperties(props);
		var properties = new RepliesProperties(true, "报送系统 <submit@baosong.test>", "gateway@baosong.test", "baosong.test", "./config/templates/mail",
				new RepliesProperties.Smtp(null, 25, null, null, false), 1, 20, Duration.ofSeconds(1), 8, Duration.ofSeconds(30),
				Duration.ofMinutes(5));
		return new OutboxSender(mapper, mail, properties, "baosong-gateway", null, clock, true);
	}

	@Test
	void theMarkComesAfterTheRelayHasTheMail() throws MessagingException {
		var deliveredAtMark = new AtomicInteger(-1);
		when(mapper.sent(eq(7L), anyString(), any())).thenAnswer(invocation -> {
			deliveredAtMark.set(relay.getReceivedMessages().length);
			return 1;
		});

		sender(relay.getSmtp().getPort()).sendDue();

		assertThat(deliveredAtMark.get()).as("mails the relay had when the row was marked SENT").isEqualTo(1);
		var order = inOrder(mapper);
		order.verify(mapper).handing(eq(7L), anyString(), any());
		order.verify(mapper).sent(eq(7L), anyString(), any());
		verify(mapper, never()).failed(anyLong(), anyString(), anyString(), anyBoolean(), any(), anyBoolean());
		assertThat(relay.getReceivedMessages()[0].getHeader("Message-ID", null)).isEqualTo("<outbox-test@baosong.test>");
	}

	@Test
	void aMarkThatCannotBeWrittenLeavesTheStampedRowToItsLease() {
		when(mapper.sent(eq(7L), anyString(), any())).thenThrow(new DataAccessResourceFailureException("Communications link failure"));

		sender(relay.getSmtp().getPort()).sendDue();

		assertThat(relay.getReceivedMessages()).as("the relay has it: nothing is lost").hasSize(1);
		verify(mapper, never()).failed(anyLong(), anyString(), anyString(), anyBoolean(), any(), anyBoolean());
	}

	@Test
	void aLeaseThatRanOutSendsNothing() {
		when(mapper.handing(eq(7L), anyString(), any())).thenReturn(0);

		sender(relay.getSmtp().getPort()).sendDue();

		assertThat(relay.getReceivedMessages()).isEmpty();
		verify(mapper, never()).sent(anyLong(), anyString(), any());
	}

	@Test
	void aRelayThatCannotBeReachedIsRetriedAndNotInDoubt() throws Exception {
		int closed;
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = socket.getLocalPort();
		}

		sender(closed).sendDue();

		verify(mapper).failed(eq(7L), anyString(), anyString(), eq(false), any(), eq(false));
		verify(mapper, never()).sent(anyLong(), anyString(), any());
	}

	@Test
	void aConnectionBrokenAfterTheDataBeforeTheAnswerIsInDoubt() throws Exception {
		try (var silent = new SilentRelay()) {
			sender(silent.port()).sendDue();

			assertThat(silent.gotEndOfData()).as("the relay read the whole message").isTrue();
			verify(mapper).failed(eq(7L), anyString(), anyString(), eq(false), any(), eq(true));
			verify(mapper, never()).sent(anyLong(), anyString(), any());
		}
	}

	@Test
	void onlyTheRelaysOwnAnswerCountsAsARefusal() {
		var refused = new SMTPSendFailedException("DATA", 554, "554 5.7.1 rejected", null, null, null, null);
		assertThat(OutboxSender.refusedByRelay(new MailSendException(Map.of(new Object(), refused)))).isTrue();
		assertThat(OutboxSender.refusedByRelay(new MailSendException("wrapped", new MessagingException("x", refused)))).isTrue();
		assertThat(OutboxSender.refusedByRelay(new MailSendException(Map.of(new Object(), new MessagingException("Exception reading response",
				new SocketException("Connection reset")))))).isFalse();
		assertThat(OutboxSender.refusedByRelay(new IllegalStateException("x"))).isFalse();
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

	/** An SMTP relay that takes the whole message and closes the connection instead of answering its end. */
	static final class SilentRelay implements AutoCloseable {

		private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());

		private volatile boolean endOfData;

		private final Thread thread = new Thread(this::serve, "silent-relay");

		SilentRelay() throws Exception {
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return server.getLocalPort();
		}

		boolean gotEndOfData() {
			return endOfData;
		}

		private void serve() {
			try (Socket socket = server.accept()) {
				var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
				Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
				answer(out, "220 silent.test ESMTP");
				boolean data = false;
				for (String line; (line = in.readLine()) != null;) {
					if (data) {
						if (line.equals(".")) {
							endOfData = true;
							return; // closes without the 250
						}
						continue;
					}
					String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
					switch (verb) {
						case "EHLO" -> answer(out, "250 silent.test");
						case "DATA" -> {
							answer(out, "354 go on");
							data = true;
						}
						case "QUIT" -> {
							answer(out, "221 bye");
							return;
						}
						default -> answer(out, "250 OK");
					}
				}
			}
			catch (Exception ignored) {
				// the test sees what the sender recorded
			}
		}

		private static void answer(Writer out, String line) throws Exception {
			out.write(line + "\r\n");
			out.flush();
		}

		@Override
		public void close() throws Exception {
			server.close();
		}
	}
}
