package org.baosong.replies;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.screening.ScreeningProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.TaskScheduler;

@Configuration(proxyBeanMethods = false)
class RepliesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RepliesConfiguration.class);

	@Bean
	ReplyTemplates replyTemplates(RepliesProperties properties) {
		return new ReplyTemplates(Path.of(properties.templates()));
	}

	/**
	 * The SMTP relay: the configured one; in the embedded default, the embedded demo mailbox's SMTP (so
	 * replies land in GreenMail on loopback); otherwise none, and replies wait in the outbox.
	 */
	@Bean
	JavaMailSenderImpl replySender(RepliesProperties properties, ObjectProvider<EmbeddedMailServer> embedded) {
		var sender = new JavaMailSenderImpl();
		var smtp = properties.smtp();
		String envelope = properties.envelopeSender();
		if (smtp.host() != null && !smtp.host().isBlank()) {
			sender.setHost(smtp.host());
			sender.setPort(smtp.port());
			sender.setUsername(smtp.username());
			sender.setPassword(smtp.password());
		}
		else if (embedded.getIfAvailable() != null) {
			sender.setHost(embedded.getIfAvailable().host());
			sender.setPort(embedded.getIfAvailable().smtpPort());
			// GreenMail refuses the null reverse-path "<>" that real relays accept (RFC 3834 recommends it)
			if (envelope.isBlank() || envelope.equals("<>")) {
				envelope = embedded.getIfAvailable().address();
			}
		}
		var props = new Properties();
		props.setProperty("mail.smtp.from", envelope);
		props.setProperty("mail.smtp.connectiontimeout", "30000");
		props.setProperty("mail.smtp.timeout", "60000");
		props.setProperty("mail.smtp.writetimeout", "60000");
		props.setProperty("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
		if (smtp.username() != null) {
			props.setProperty("mail.smtp.auth", "true");
		}
		sender.setJavaMailProperties(props);
		sender.setDefaultEncoding("UTF-8");
		return sender;
	}

	@Bean
	OutboxSender outboxSender(OutboundMapper mapper, JavaMailSenderImpl replySender, RepliesProperties properties,
			ScreeningProperties screening, TaskScheduler scheduler, Clock clock) {
		boolean active = properties.enabled() && replySender.getHost() != null;
		if (!active) {
			log.warn("Replies are queued in the outbox but not sent: {}", properties.enabled()
					? "no SMTP relay (set baosong.replies.smtp.host)" : "baosong.replies.enabled=false");
		}
		return new OutboxSender(mapper, replySender, properties, screening.loopId(), scheduler, clock, active);
	}
}
