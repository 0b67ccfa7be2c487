package org.baosong.mailbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validator;

import org.baosong.common.ConfigurationError;
import org.baosong.profile.ProfileCatalog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

@Configuration(proxyBeanMethods = false)
class MailboxConfiguration {

	static final String KEY = "baosong.mailboxes";

	@Bean(destroyMethod = "close")
	@ConditionalOnBooleanProperty("baosong.embedded-mail.enabled")
	EmbeddedMailServer embeddedMailServer(EmbeddedMailProperties properties) {
		return new EmbeddedMailServer(properties);
	}

	@Bean
	Mailboxes mailboxes(Environment environment, Validator validator, ProfileCatalog profiles,
			ObjectProvider<EmbeddedMailServer> embedded) {
		var definitions = new ArrayList<MailboxDefinition>();
		List<MailboxDefinition> configured = bindStrictly(environment, validator);
		for (int i = 0; i < configured.size(); i++) {
			MailboxDefinition definition = configured.get(i);
			String profileId = definition.profile() == null || definition.profile().isBlank()
					? profiles.jurisdiction().id() : definition.profile();
			if (profiles.find(profileId).isEmpty()) {
				throw new ConfigurationError(KEY + "[" + i + "].profile", "no profile '" + profileId + "' in "
						+ "baosong.profiles.dir (loaded: " + profiles.all().stream().map(p -> p.id()).sorted().toList() + ")");
			}
			definitions.add(definition.withProfile(profileId));
		}
		embedded.ifAvailable(server -> definitions.add(server.definition(profiles.jurisdiction().id())));
		return new Mailboxes(definitions);
	}

	/**
	 * A mailbox entry with a misspelt key ("pasword", "polling-interval") must stop start-up: left
	 * to the default binder it would be ignored and the mailbox would run with a default nobody chose.
	 */
	static List<MailboxDefinition> bindStrictly(Environment environment, Validator validator) {
		var handler = new ValidationBindHandler(
				new NoUnboundElementsBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler()),
				new SpringValidatorAdapter(validator));
		try {
			return Binder.get(environment).bind(KEY, Bindable.listOf(MailboxDefinition.class), handler).orElse(List.of());
		}
		catch (BindException ex) {
			if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
				var first = unbound.getUnboundProperties().iterator().next();
				throw new ConfigurationError(first.getName().toString(), "unknown mailbox setting", ex);
			}
			throw new ConfigurationError(ex.getName().toString(), rootMessage(ex), ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null) {
			t = t.getCause();
		}
		return t.getMessage();
	}

	@Bean
	CompositeHealthContributor mailboxesHealthContributor(Mailboxes mailboxes, MailboxMonitor monitor, Clock clock,
			ReceivingProperties receiving) {
		return MailboxHealthIndicator.contributorFor(mailboxes, monitor, clock, receiving.enabled());
	}

	@Bean
	ReceivedMarker receivedMarker() {
		return new ReceivedMarker();
	}

	@Bean
	DurableReceipt durableReceipt(InboundMessages inbound, org.baosong.archive.BlobStore blobs, ReceivedMarker marker,
			MailboxMonitor monitor, org.baosong.mime.MailParser parser) {
		return new DurableReceipt(inbound, blobs, marker, monitor, parser);
	}

	@Bean
	ApplicationRunner mailboxTableSync(Mailboxes mailboxes, MailboxMapper mapper, Clock clock) {
		return args -> new MailboxTableSync(mapper, clock).sync(mailboxes.all());
	}
}
