package org.baosong.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

import org.baosong.common.ConfigurationError;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

class MailboxConfigurationTest {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	private MockEnvironment mailbox(String... extra) {
		var env = new MockEnvironment()
			.withProperty("baosong.mailboxes[0].id", "main")
			.withProperty("baosong.mailboxes[0].protocol", "imaps")
			.withProperty("baosong.mailboxes[0].host", "mail.example.gov.cn")
			.withProperty("baosong.mailboxes[0].port", "993")
			.withProperty("baosong.mailboxes[0].username", "xxbs@example.gov.cn")
			.withProperty("baosong.mailboxes[0].password", "from-the-environment");
		for (int i = 0; i < extra.length; i += 2) {
			env.setProperty(extra[i], extra[i + 1]);
		}
		return env;
	}

	@Test
	void bindsAMailboxWithTheSpecsDefaults() {
		var definitions = MailboxConfiguration.bindStrictly(mailbox(), validator);
		assertThat(definitions).singleElement().satisfies(m -> {
			assertThat(m.folder()).isEqualTo("INBOX");
			assertThat(m.pollInterval()).isEqualTo(Duration.ofSeconds(30));
			assertThat(m.maxMessageSize()).isEqualTo(DataSize.ofMegabytes(50));
			assertThat(m.idle()).isTrue();
			assertThat(m.isImap()).isTrue();
			assertThat(m.toString()).doesNotContain("from-the-environment");
		});
	}

	@Test
	void aMisspeltMailboxKeyStopsStartUpNamingIt() {
		assertThatThrownBy(() -> MailboxConfiguration.bindStrictly(mailbox("baosong.mailboxes[0].poll-intervall", "10s"), validator))
			.isInstanceOf(ConfigurationError.class)
			.satisfies(e -> assertThat(((ConfigurationError) e).key()).isEqualTo("baosong.mailboxes[0].poll-intervall"));
	}

	@Test
	void aBadValueStopsStartUpNamingIt() {
		assertThatThrownBy(() -> MailboxConfiguration.bindStrictly(mailbox("baosong.mailboxes[0].protocol", "smtp"), validator))
			.isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("baosong.mailboxes[0]")
			.hasMessageContaining("imap, imaps, pop3, pop3s");
		assertThatThrownBy(() -> MailboxConfiguration.bindStrictly(mailbox("baosong.mailboxes[0].password", ""), validator))
			.isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("password");
	}

	@Test
	void twoMailboxesCannotShareAnId() {
		var first = MailboxConfiguration.bindStrictly(mailbox(), validator).get(0);
		assertThatThrownBy(() -> new Mailboxes(java.util.List.of(first, first)))
			.isInstanceOf(ConfigurationError.class)
			.satisfies(e -> assertThat(((ConfigurationError) e).key()).isEqualTo("baosong.mailboxes[1].id"));
	}
}
