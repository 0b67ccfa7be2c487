package org.baosong.common;

import java.util.List;
import java.util.TreeSet;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Fails start-up on a {@code baosong.*} key that no module reads. Each module binds its own prefix
 * strictly; this catches a typo in the prefix itself ({@code baosong.mailbox[0]...}), which would
 * otherwise be silently ignored and leave a mailbox unwatched.
 */
class KnownKeysGuard implements BeanFactoryPostProcessor, EnvironmentAware {

	static final List<String> KNOWN_ROOTS = List.of("data-dir", "time-zone", "demo", "profiles", "mailboxes",
			"embedded-mail", "security", "archive", "intake", "extraction", "replies", "web");

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("baosong");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return;
		}
		var unknown = new TreeSet<String>();
		for (var source : ConfigurationPropertySources.get(configurable)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			iterable.stream()
				.filter(name -> ROOT.isAncestorOf(name) && name.getNumberOfElements() > 1)
				.filter(name -> !KNOWN_ROOTS.contains(name.getElement(1, ConfigurationPropertyName.Form.DASHED)))
				.forEach(name -> unknown.add(name.toString()));
		}
		if (!unknown.isEmpty()) {
			throw new ConfigurationError(unknown.first(),
					"unknown setting (known sections under baosong: " + String.join(", ", KNOWN_ROOTS) + ")");
		}
	}
}
