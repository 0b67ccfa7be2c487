package org.baosong.editorial.docx;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.common.ConfigurationError;
import org.baosong.common.DocumentProperties;
import org.springframework.stereotype.Component;

/**
 * The issue templates in {@code baosong.documents.templates}: {@code issue.docx} for every journal, and
 * {@code issue-CODE.docx} for a journal with its own (letterhead, 报/送/发 lines). Every one is checked
 * at start-up, so a broken template stops the start naming the key and the file. They are read again at
 * each export: an office replaces a template without a restart.
 */
@Component
class IssueTemplates {

	private static final Logger log = LoggerFactory.getLogger(IssueTemplates.class);

	static final String KEY = "baosong.documents.templates";

	static final String DEFAULT = "issue.docx";

	private final Path dir;

	IssueTemplates(DocumentProperties properties) {
		this.dir = properties.templates();
		if (!Files.isReadable(dir.resolve(DEFAULT))) {
			throw new ConfigurationError(KEY, "missing " + dir.resolve(DEFAULT).toAbsolutePath());
		}
		try (DirectoryStream<Path> templates = Files.newDirectoryStream(dir, "issue*.docx")) {
			for (Path template : templates) {
				try {
					IssueTemplate.check(Files.readAllBytes(template));
				}
				catch (IssueTemplate.Invalid | IOException ex) {
					throw new ConfigurationError(KEY, template.toAbsolutePath() + ": " + ex.getMessage(), ex);
				}
				log.debug("Issue template {} checked", template);
			}
		}
		catch (IOException ex) {
			throw new ConfigurationError(KEY, "cannot list " + dir.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
	}

	/** The template of a journal: its own when there is one, else the shared one. */
	byte[] forJournal(String code) {
		Path own = dir.resolve("issue-" + code + ".docx");
		Path template = code != null && code.matches("[A-Za-z0-9_-]+") && Files.isReadable(own) ? own : dir.resolve(DEFAULT);
		try {
			return Files.readAllBytes(template);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the issue template " + template.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
	}
}
