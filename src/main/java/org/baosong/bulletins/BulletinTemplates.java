package org.baosong.bulletins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.baosong.common.ConfigurationError;
import org.baosong.common.DocumentProperties;
import org.springframework.stereotype.Component;

/**
 * The bulletin template {@code bulletin.docx} in {@code baosong.documents.templates}, checked at start-up (a
 * missing or broken template stops the start naming the key and the file) and read again at each export, so
 * an office replaces it without a restart.
 */
@Component
class BulletinTemplates {

	static final String KEY = "baosong.documents.templates";

	static final String FILE = "bulletin.docx";

	private final Path template;

	BulletinTemplates(DocumentProperties properties) {
		this.template = properties.templates().resolve(FILE);
		if (!Files.isReadable(template)) {
			throw new ConfigurationError(KEY, "missing " + template.toAbsolutePath());
		}
		try {
			BulletinTemplate.check(Files.readAllBytes(template));
		}
		catch (BulletinTemplate.Invalid | IOException ex) {
			throw new ConfigurationError(KEY, template.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
	}

	byte[] read() {
		try {
			return Files.readAllBytes(template);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the bulletin template " + template.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
	}
}
