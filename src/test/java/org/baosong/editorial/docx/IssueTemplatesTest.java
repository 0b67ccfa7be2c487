package org.baosong.editorial.docx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.baosong.common.ConfigurationError;
import org.baosong.common.DocumentProperties;

/**
 * The template directory: a missing or broken template stops the start naming
 * {@code baosong.documents.templates} and the file; a journal with its own template gets it, the others
 * the shared one; a template replaced while running is used at the next export.
 */
class IssueTemplatesTest {

	@TempDir
	Path dir;

	@Test
	void aMissingSharedTemplateStopsTheStartNamingTheKey() {
		assertThatThrownBy(() -> new IssueTemplates(new DocumentProperties(dir))).isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("baosong.documents.templates").hasMessageContaining("issue.docx");
	}

	@Test
	void aBrokenTemplateStopsTheStartNamingTheFileAndTheReason() throws Exception {
		Files.copy(IssueTemplateTest.SHIPPED, dir.resolve("issue.docx"));
		Files.writeString(dir.resolve("issue-SFYQ.docx"), "not a document", StandardCharsets.UTF_8);
		assertThatThrownBy(() -> new IssueTemplates(new DocumentProperties(dir))).isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("baosong.documents.templates").hasMessageContaining("issue-SFYQ.docx").hasMessageContaining("not a DOCX");
	}

	@Test
	void aJournalWithItsOwnTemplateGetsItAndTheOthersTheSharedOne() throws Exception {
		Files.copy(IssueTemplateTest.SHIPPED, dir.resolve("issue.docx"));
		Files.copy(IssueTemplateTest.SHIPPED, dir.resolve("issue-SFYQ.docx"));
		var templates = new IssueTemplates(new DocumentProperties(dir));
		byte[] shared = Files.readAllBytes(dir.resolve("issue.docx"));
		assertThat(templates.forJournal("SFXX")).isEqualTo(shared);
		assertThat(templates.forJournal("../issue-SFYQ")).isEqualTo(shared);

		byte[] own = Files.readAllBytes(IssueTemplateTest.SHIPPED);
		own[own.length - 1] ^= 1; // another file than the shared one, written after the start (read as it is, not parsed again)
		Files.write(dir.resolve("issue-SFYQ.docx"), own);
		assertThat(templates.forJournal("SFYQ")).isEqualTo(own);
	}
}
