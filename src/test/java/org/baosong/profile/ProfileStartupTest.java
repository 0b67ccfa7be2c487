package org.baosong.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.baosong.BaosongApplication;
import org.baosong.common.ConfigurationError;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A profile with an unknown key stops the whole gateway at start-up, naming the key. */
class ProfileStartupTest {

	@TempDir
	Path dir;

	@Test
	void aProfileWithAnUnknownKeyStopsStartUpNamingTheKey() throws IOException {
		String shipped = Files.readString(Path.of("config/profiles/guangzhou-2005.yml"));
		Files.writeString(dir.resolve("guangzhou-2005.yml"),
				shipped.replace("    max-photos: 9", "    max-photos: 9\n    max-fotos: 12"));

		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(BaosongApplication.class)
			// command-line arguments, so that they outrank config/application.yml as an operator's would
			.run("--baosong.profiles.dir=" + dir, "--server.port=0", "--baosong.data-dir=" + dir.resolve("data"),
					"--baosong.embedded-mail.enabled=false", "--baosong.demo.enabled=false",
					"--spring.datasource.url=jdbc:h2:mem:profile_startup;MODE=MySQL;DATABASE_TO_LOWER=TRUE")
			.close());

		assertThat(failure).as("start-up must fail").isNotNull();
		ConfigurationError error = findConfigurationError(failure);
		assertThat(error.key()).isEqualTo("profile.rules.max-fotos");
		assertThat(error.getMessage()).contains("unknown key").contains("guangzhou-2005.yml");
	}

	private static ConfigurationError findConfigurationError(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ConfigurationError error) {
				return error;
			}
		}
		throw new AssertionError("start-up failed without a ConfigurationError", failure);
	}
}
