package org.baosong.profile;

import java.nio.file.Path;

import jakarta.validation.Validation;

/** Reads one profile file with the same checks as start-up; for tools and tests that need a profile without the application. */
public final class ProfileFiles {

	private ProfileFiles() {
	}

	public static JurisdictionProfile read(Path file) {
		try (var factory = Validation.buildDefaultValidatorFactory()) {
			return new ProfileLoader(factory.getValidator()).load(file);
		}
	}
}
