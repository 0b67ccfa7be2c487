package org.baosong.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

class KnownKeysGuardTest {

	private static void check(MockEnvironment env) {
		var guard = new KnownKeysGuard();
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
	void theKnownSectionsPass() {
		var env = new MockEnvironment().withProperty("baosong.mailboxes[0].host", "x")
			.withProperty("baosong.data-dir", "./data")
			.withProperty("baosong.embedded-mail.enabled", "true")
			.withProperty("spring.application.name", "other keys are not ours to judge");
		assertThatCode(() -> check(env)).doesNotThrowAnyException();
	}
}
