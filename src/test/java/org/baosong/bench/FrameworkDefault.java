package org.baosong.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.mail.inbound.ImapMailReceiver;
import org.springframework.integration.mail.inbound.MailReceivingMessageSource;

/**
 * The pipeline a newcomer would write (quality-bars.md): Spring Integration's {@link ImapMailReceiver} with
 * its default settings (but one: the folder stays open, or getContent() fails on attachments) behind a
 * {@link MailReceivingMessageSource}, each {@link MimeMessage} handed to a
 * handler that calls {@code getContent()} all the way down and runs Tika's AutoDetectParser on every
 * attachment. Nothing is stored: this is only the reading, so the comparison flatters it. Run in this
 * JVM, on a copy of the workload's folder (the defaults flag the messages they read).
 */
final class FrameworkDefault {

	private FrameworkDefault() {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class Integration {
	}

	static Stage run(BenchImap imap, String folder, int expected, java.time.Duration limit) throws Exception {
		String url = "imap://" + URLEncoder.encode(imap.user, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(imap.password, StandardCharsets.UTF_8)
				+ "@" + imap.host + ":" + imap.port + "/" + folder;
		// the application context a newcomer's Spring Integration application has (@EnableIntegration: task scheduler, evaluation context ...)
		var context = new AnnotationConfigApplicationContext(Integration.class);
		var beans = context.getBeanFactory();
		var receiver = new ImapMailReceiver(url);
		// the one change from the defaults: with them, getContent() on a message with attachments fails with a
		// FolderClosedException (the folder is closed after each receive); this is what a newcomer does about it
		receiver.setAutoCloseFolder(false);
		receiver.setBeanFactory(beans);
		receiver.afterPropertiesSet();
		var source = new MailReceivingMessageSource(receiver);
		source.setBeanFactory(beans);
		source.afterPropertiesSet();
		var tika = new AutoDetectParser();
		var chars = new RawBaselines.CountingWriter();
		var threads = ManagementFactory.getThreadMXBean();
		long cpu = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		int messages = 0;
		long bytes = 0;
		int empty = 0;
		int failures = 0;
		String firstFailure = null;
		try {
			while (messages < expected && empty < 3 && System.nanoTime() - start < limit.toNanos()) {
				var message = source.receive();
				if (message == null) {
					empty++;
					continue;
				}
				empty = 0;
				var mime = (MimeMessage) message.getPayload();
				try {
					bytes += Math.max(0, mime.getSize());
					handle(mime, tika, chars);
				}
				catch (Exception ex) {
					failures++;
					if (firstFailure == null) {
						firstFailure = ex.toString();
					}
				}
				messages++;
			}
		}
		finally {
			receiver.destroy();
			context.close();
		}
		double seconds = RawBaselines.seconds(start);
		String note = "ImapMailReceiver defaults but autoCloseFolder false, getContent() + AutoDetectParser, in-process, nothing stored";
		if (messages < expected && System.nanoTime() - start >= limit.toNanos()) {
			note += "; stopped after " + limit.toSeconds() + " s: the rate of the first " + messages + " of " + expected;
		}
		else if (messages < expected) {
			note += "; saw only " + messages + " of " + expected + " messages";
		}
		if (failures > 0) {
			note += "; " + failures + " failed in the handler, the first with " + firstFailure;
		}
		return new Stage("framework default (newcomer)", messages, chars.count, "characters", bytes, seconds,
				(threads.getCurrentThreadCpuTime() - cpu) / 1e9, note);
	}

	private static void handle(Part part, AutoDetectParser tika, RawBaselines.CountingWriter chars) throws Exception {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				handle(child, tika, chars);
			}
		}
		else if (content instanceof String text) {
			chars.count += text.length();
		}
		else if (content instanceof MimeMessage nested) {
			handle(nested, tika, chars);
		}
		else if (content instanceof InputStream in) {
			try (in) {
				tika.parse(in, new BodyContentHandler(chars), new Metadata(), new ParseContext());
			}
		}
	}
}
