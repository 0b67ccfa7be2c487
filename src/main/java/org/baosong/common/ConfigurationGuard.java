package org.baosong.common;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Two start-up checks that Boot leaves to us, run before any bean is created:
 * <ul>
 * <li>a {@code baosong.*} key that no module reads stops start-up. Each module binds its own prefix
 * strictly; this catches a typo in the prefix itself ({@code baosong.mailbox[0]...}), which would
 * otherwise be ignored and leave a mailbox unwatched;</li>
 * <li>a setting whose {@code ${VARIABLE}} is not set stops start-up naming the variable. Boot's
 * binder resolves placeholders leniently and would use the text {@code ${BAOSONG_DB_PASSWORD}} as
 * the password, failing later with "access denied" and no word about the missing variable.</li>
 * </ul>
 * Environment variables themselves are not judged as keys: secrets come in variables with free
 * names ({@code BAOSONG_DB_PASSWORD}), which Boot also exposes as {@code baosong.db.password}.
 */
class ConfigurationGuard implements BeanFactoryPostProcessor, EnvironmentAware {

	static final List<String> KNOWN_ROOTS = List.of("data-dir", "time-zone", "demo", "profiles", "mailboxes",
			"embedded-mail", "receiving", "security", "archive", "mime", "screening", "intake", "extraction", "replies", "search", "web",
			"commissions", "instructions", "documents", "scoring");

	/** Settings whose placeholders must resolve: ours, and the connections Boot makes for us. */
	private static final List<ConfigurationPropertyName> RESOLVED = List.of(ConfigurationPropertyName.of("baosong"),
			ConfigurationPropertyName.of("spring.datasource"), ConfigurationPropertyName.of("spring.mail"));

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("baosong");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

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
		var names = new TreeSet<String>();
		for (var source : ConfigurationPropertySources.get(configurable)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)
					|| source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource) {
				continue;
			}
			iterable.stream().forEach(name -> {
				if (RESOLVED.stream().anyMatch(root -> root.isAncestorOf(name))) {
					names.add(name.toString());
				}
				if (ROOT.isAncestorOf(name) && name.getNumberOfElements() > 1
						&& !KNOWN_ROOTS.contains(name.getElement(1, ConfigurationPropertyName.Form.DASHED))) {
					unknown.add(name.toString());
				}
			});
		}
		if (!unknown.isEmpty()) {
			throw new ConfigurationError(unknown.first(),
					"unknown setting (known sections under baosong: " + String.join(", ", KNOWN_ROOTS) + ")");
		}
		for (String name : names) {
			try {
				configurable.getProperty(name);
			}
			catch (IllegalArgumentException unresolved) {
				throw new ConfigurationError(name, "needs " + missingVariable(unresolved.getMessage())
						+ ", which is not set (set the environment variable, or give the value in the configuration)");
			}
		}
	}

	private static String missingVariable(String message) {
		Matcher m = Pattern.compile("placeholder '([^']+)'").matcher(message == null ? "" : message);
		if (m.find()) {
			return m.group(1);
		}
		Matcher p = PLACEHOLDER.matcher(message == null ? "" : message);
		return p.find() ? p.group(1) : "a value";
	}
}
