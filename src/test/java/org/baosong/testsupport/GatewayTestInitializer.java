package org.baosong.testsupport;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives each test application context its own database (see {@link TestDatabase}), its own data
 * directory and free ports for the embedded mailbox, so contexts never share state or collide.
 */
public class GatewayTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** A fixed, test-only password for the first administrator (production requires one from the environment). */
	public static final String ADMIN_PASSWORD = "test-admin-password";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var db = TestDatabase.create();
		String dataDir;
		try {
			dataDir = Files.createTempDirectory("baosong-test-").toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		TestPropertyValues.of(
				"spring.datasource.url=" + db.url(),
				"spring.datasource.username=" + db.username(),
				"spring.datasource.password=" + db.password(),
				// many contexts stay cached during a run; small pools keep them under MariaDB's max_connections (151)
				"spring.datasource.hikari.maximum-pool-size=6",
				"spring.datasource.hikari.minimum-idle=1",
				"baosong.data-dir=" + dataDir,
				"baosong.embedded-mail.smtp-port=0",
				"baosong.embedded-mail.imap-port=0",
				"baosong.embedded-mail.poll-interval=1s",
				// the period close job works by the real clock; tests close periods themselves or run the job with a fixed one
				"baosong.scoring.close-enabled=false",
				"baosong.security.initial-admin-password=" + ADMIN_PASSWORD)
			.applyTo(context);
	}
}
