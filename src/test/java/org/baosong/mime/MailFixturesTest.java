package org.baosong.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.baosong.archive.FileSystemBlobStore;

/**
 * The golden corpus: every {@code mail-fixtures/**}/{@code *.eml} with a sidecar {@code *.expected.json}
 * is parsed and must give exactly the decoded subject, senders, attachment names and types, counts of
 * inline images and forwarded messages, and contain the body excerpt.
 */
class MailFixturesTest {

	private static final Path FIXTURES = Path.of("mail-fixtures");

	@TempDir
	static Path archive;

	static MailParser parser;

	@BeforeAll
	static void parser() throws IOException {
		parser = new MailParser(MimeLimits.defaults(), new FileSystemBlobStore(archive));
	}

	static Stream<Path> fixtures() throws IOException {
		try (Stream<Path> files = Files.walk(FIXTURES)) {
			return files.filter(p -> p.toString().endsWith(".eml")).filter(p -> Files.exists(sidecar(p)))
				.filter(p -> !meantToBreakTheParser(p)).sorted().toList().stream();
		}
	}

	@Test
	void theCorpusIsThere() throws IOException {
		assertThat(fixtures()).hasSizeGreaterThanOrEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void parsesAsExpected(Path eml) throws Exception {
		JsonNode expected = JsonMapper.builder().build().readTree(sidecar(eml).toFile());
		ParsedMail mail;
		try (InputStream in = Files.newInputStream(eml)) {
			mail = parser.parse(in);
		}
		String what = eml + " (" + expected.path("description").asString() + ")";

		assertThat(mail.subject()).as(what + ": subject").isEqualTo(expected.path("subject").asString());
		var from = new ArrayList<MailAddress>();
		expected.path("from").forEach(f -> from.add(new MailAddress(f.path("name").isNull() ? null : f.path("name").asString(),
				f.path("address").asString())));
		assertThat(mail.from()).as(what + ": from").containsExactlyElementsOf(from);

		var attachments = new ArrayList<List<String>>();
		expected.path("attachments").forEach(a -> attachments.add(List.of(a.path("filename").asString(), a.path("contentType").asString())));
		assertThat(mail.attachments()).as(what + ": attachments")
			.extracting(p -> List.of(String.valueOf(p.filename()), p.declaredType()))
			.containsExactlyElementsOf(attachments);
		assertThat(mail.attachments()).allSatisfy(p -> assertThat(p.storedName()).doesNotContain("/", "\\").isNotBlank());
		assertThat(mail.inlineImages()).as(what + ": inline images").hasSize(expected.path("inlineImages").asInt());
		assertThat(mail.nestedMessages()).as(what + ": nested messages").hasSize(expected.path("nestedMessages").asInt());
		assertThat(squeeze(mail.textBody())).as(what + ": body").contains(squeeze(expected.path("bodyExcerpt").asString()));
		assertThat(mail.textBody()).as(what + ": no replacement characters").doesNotContain("\uFFFD");
	}

	/** The rules corpus holds a message built to exceed the parser's limits (PARSE_FAILED): nothing to decode there. */
	private static boolean meantToBreakTheParser(Path eml) {
		try {
			return Files.readString(sidecar(eml)).contains("\"PARSE_FAILED\"");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Path sidecar(Path eml) {
		String name = eml.getFileName().toString();
		return eml.resolveSibling(name.substring(0, name.length() - 4) + ".expected.json");
	}

	private static String squeeze(String text) {
		return text.replaceAll("\\s+", "");
	}
}
