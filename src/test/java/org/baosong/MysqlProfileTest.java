package org.baosong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.sql.DriverManager;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.baosong.registry.Registry;
import org.baosong.testsupport.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The mysql profile as an operator uses it: BAOSONG_DB_* settings (given here as arguments, which
 * the same placeholders read), the database created if missing, the schema migrated.
 */
class MysqlProfileTest {

	@Test
	void theMysqlProfileRunsTheGatewayOnTheServer() throws Exception {
		Assumptions.assumeTrue(TestDatabase.isReal(), "needs the MySQL-protocol server (CI always has it)");
		String name = "baosong_profile_" + ProcessHandle.current().pid();
		var dataDir = Files.createTempDirectory("baosong-mysql-");
		try (var context = new SpringApplicationBuilder(BaosongApplication.class)
			.profiles("mysql")
			.run("--server.port=0", "--BAOSONG_DB_NAME=" + name, "--BAOSONG_DB_USER=root", "--BAOSONG_DB_PASSWORD=",
					"--baosong.data-dir=" + dataDir, "--baosong.embedded-mail.smtp-port=0", "--baosong.embedded-mail.imap-port=0")) {
			try (var connection = context.getBean(DataSource.class).getConnection()) {
				assertThat(connection.getMetaData().getURL()).startsWith("jdbc:mysql://127.0.0.1:3306/" + name);
				assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("MySQL");
			}
			assertThat(context.getBean(Registry.class).units()).hasSize(130);
		}
		finally {
			try (var c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/?sslMode=DISABLED", "root", "")) {
				c.createStatement().execute("DROP DATABASE IF EXISTS " + name);
			}
		}
	}

	@Test
	void withoutTheDatabasePasswordStartUpFailsNamingIt() {
		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(BaosongApplication.class)
			.profiles("mysql")
			.run("--server.port=0", "--baosong.embedded-mail.enabled=false")
			.close());
		assertThat(failure).isNotNull();
		assertThat(rootMessage(failure)).contains("spring.datasource.password: needs BAOSONG_DB_PASSWORD, which is not set");
	}

	private static String rootMessage(Throwable t) {
		var all = new StringBuilder();
		for (Throwable c = t; c != null; c = c.getCause()) {
			all.append(c.getMessage()).append('\n');
		}
		return all.toString();
	}
}
