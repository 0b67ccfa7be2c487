package org.baosong.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.baosong.common.ConfigurationError;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** The login throttle's settings: defaults of ADR 0011, and a bad value stops start-up naming its key. */
class SecurityPropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Properties.class);

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SecurityProperties.class)
	static class Properties {
	}

	@Test
	void defaults() {
		runner.run(context -> {
			var throttle = context.getBean(SecurityProperties.class).loginThrottle();
			assertThat(throttle.maxFailuresPerUser()).isEqualTo(5);
			assertThat(throttle.maxFailuresPerAddress()).isEqualTo(20);
			assertThat(throttle.window()).isEqualTo(Duration.ofMinutes(15));
			assertThat(throttle.lockout()).isEqualTo(Duration.ofMinutes(1));
			assertThat(throttle.maxLockout()).isEqualTo(Duration.ofHours(1));
		});
	}

	@Test
	void aBadValueStopsStartUpNamingTheKey() {
		runner.withPropertyValues("baosong.security.login-throttle.max-failures-per-user=0")
			.run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("maxFailuresPerUser"));
		runner.withPropertyValues("baosong.security.login-throttle.window=0s").run(context -> assertThat(context).hasFailed());
		runner.withPropertyValues("baosong.security.login-throtle.window=5m").run(context -> assertThat(context).hasFailed());
		runner.withPropertyValues("baosong.security.login-throttle.lockout=2h")
			.run(context -> assertThat(context).getFailure().rootCause().isInstanceOf(ConfigurationError.class)
				.hasMessageStartingWith("baosong.security.login-throttle.max-lockout: is PT1H, shorter than"));
	}
}
