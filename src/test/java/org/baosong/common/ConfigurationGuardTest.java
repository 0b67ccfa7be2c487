package org.baosong.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class ConfigurationGuardTest {

	private static void check(MockEnvironment env) {
		var guard = new ConfigurationGuard();
		guard.setEnvironment(env);
		guard.postProcessBeanFactory(new DefaultListableBeanFactory());
	}

	@Test
	void aTypoInASectionNameStopsStartUp() {
		var env = new MockEnvironment().withProperty("baosong.mailbox[0].host", "mail.example.gov.cn");
		assertThatThrownBy(() -> check(env)).isInstanceOf(ConfigurationError.class)
			.hasMessageStartingWith("baosong.mailbox[0].host")
			.hasMessageContaining("mailboxes");
	}

	@Test
	void secretsInEnvironmentVariablesAreNotMistakenForSettings() {
		var env = new MockEnvironment();
		env.getPropertySources().addLast(new SystemEnvironmentPropertySource("systemEnvironment",
				java.util.Map.of("BAOSONG_DB_PASSWORD", "secret", "BAOSONG_MAILBOX_MAIN_PASSWORD", "secret")));
		assertThatCode(() -> check(env)).doesNotThrowAnyException();
	}

	@Test
	void theKnownSectionsPass() {
		var env = new MockEnvironment().withProperty("baosong.mailboxes[0].host", "x")
			.withProperty("baosong.data-dir", "./data")
			.withProperty("baosong.embedded-mail.enabled", "true")
			.withProperty("spring.application.name", "other keys are not ours to judge");
		assertThatCode(() -> check(env)).doesNotThrowAnyException();
	}

	@Test
	void aSettingWhoseVariableIsNotSetStopsStartUpNamingTheVariable() {
		var env = new MockEnvironment().withProperty("spring.datasource.password", "${BAOSONG_DB_PASSWORD}");
		assertThatThrownBy(() -> check(env)).isInstanceOf(ConfigurationError.class)
			.hasMessageStartingWith("spring.datasource.password")
			.hasMessageContaining("BAOSONG_DB_PASSWORD");
	}

	@Test
	void aSettingWhoseVariableIsSetOrDefaultedPasses() {
		var env = new MockEnvironment().withProperty("spring.datasource.password", "${BAOSONG_DB_PASSWORD}")
			.withProperty("BAOSONG_DB_PASSWORD", "secret")
			.withProperty("spring.datasource.url", "jdbc:mysql://${BAOSONG_DB_HOST:127.0.0.1}/baosong");
		assertThatCode(() -> check(env)).doesNotThrowAnyException();
	}
}
