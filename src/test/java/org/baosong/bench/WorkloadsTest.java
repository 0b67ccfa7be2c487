package org.baosong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.baosong.archive.FileSystemBlobStore;
import org.baosong.bench.Informants.Informant;
import org.baosong.bench.Workloads.BenchMail;
import org.baosong.bench.Workloads.Kind;
import org.baosong.mime.MailParser;
import org.baosong.mime.MimeLimits;

/**
 * The benchmark's workload generator still does what scripts/bench relies on: the same seed gives the same
 * bytes; every mail parses with the gateway's own MIME parser into the subject, sender and report it was made
 * with; subjects are of the default grammar for the sender's own unit (so the gateway ACCEPTs them, which the
 * benchmark then checks for real); the documents are readable by Tika and hold their text. No timing here.
 */
class WorkloadsTest {

	static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	static final List<Informant> INFORMANTS = Informants.load(Path.of("config/demo"));

	static final Workloads WORKLOADS = new Workloads(42, DAY, INFORMANTS);

	@TempDir
	Path dir;

	@Test
	void theSameSeedGivesTheSameBytesAndEveryIndexAnotherText() {
		for (Kind kind : List.of(Kind.W1, Kind.W2, Kind.W3)) {
			assertThat(WORKLOADS.mail(kind, "t", 3, 0).raw()).isEqualTo(new Workloads(42, DAY, INFORMANTS).mail(kind, "t", 3, 0).raw());
			assertThat(WORKLOADS.mail(kind, "t", 3, 0).raw()).isNotEqualTo(WORKLOADS.mail(kind, "t", 4, 0).raw());
			assertThat(WORKLOADS.mail(kind, "t", 3, 0).raw()).isNotEqualTo(new Workloads(43, DAY, INFORMANTS).mail(kind, "t", 3, 0).raw());
		}
	}

	@Test
	void everyMailParsesIntoTheSubjectSenderAndReportItWasMadeWith() throws Exception {
		var parser = new MailParser(MimeLimits.defaults(), new FileSystemBlobStore(dir));
		for (Kind kind : List.of(Kind.W1, Kind.W2, Kind.W3)) {
			for (int i = 0; i < 12; i++) {
				BenchMail mail = WORKLOADS.mail(kind, "t", i, 0);
				var parsed = parser.parse(new ByteArrayInputStream(mail.raw()));
				assertThat(parsed.subject()).as(mail.name()).isEqualTo(mail.subject());
				assertThat(parsed.from()).singleElement().satisfies(from -> assertThat(from.address()).isEqualTo(mail.from()));
				assertThat(parsed.messageId()).isEqualTo(mail.messageId());
				assertThat(parsed.attachments()).hasSize(kind == Kind.W1 ? 0 : 1);
				assertThat(parsed.textBody()).contains("签发人：").contains("报送人：").contains("联系电话：");
				assertAcceptedShape(mail);
			}
		}
	}

	@Test
	void theWorkloadsHaveTheSizesOfTheSpec() {
		for (int i = 0; i < 10; i++) {
			assertThat(WORKLOADS.mail(Kind.W1, "t", i, 0).raw().length).isBetween(4_000, 7_000);
			BenchMail w2 = WORKLOADS.mail(Kind.W2, "t", i, 0);
			assertThat(w2.attachments().get(0).bytes().length).isBetween(50_000, 205_000);
			long alternative = w2.raw().length - (w2.attachments().get(0).bytes().length * 4L / 3);
			assertThat(alternative).isBetween(60_000L, 100_000L);
			assertThat(WORKLOADS.mail(Kind.W3, "t", i, 0).attachments().get(0).bytes().length).isBetween(90_000, 5_300_000);
		}
		assertThat(WORKLOADS.mail(Kind.W4, "t", 0, 3_000_000).attachments().get(0).bytes().length).isBetween(2_900_000, 3_100_000);
	}

	@Test
	void theOfficeMixHoldsEachKindOfDocumentAndTikaReadsItsText() throws Exception {
		var tika = new AutoDetectParser();
		var kinds = new java.util.TreeSet<String>();
		for (int i = 0; i < 20; i++) {
			var document = WORKLOADS.mail(Kind.W3, "mix", i, 0).attachments().get(0);
			var text = new BodyContentHandler(-1);
			try (var in = TikaInputStream.get(document.bytes())) {
				tika.parse(in, text, new Metadata(), new ParseContext());
			}
			String extracted = text.toString().replaceAll("\\s", "");
			String name = document.filename();
			kinds.add(name.substring(name.lastIndexOf('.') + 1));
			String title = name.substring(0, name.lastIndexOf('.'));
			if (!name.endsWith(".pdf") || Documents.chinesePdf()) {
				assertThat(extracted).as(name).contains(title);
			}
			else {
				assertThat(extracted).as(name).contains(Documents.ascii(title).replaceAll("\\s", ""));
			}
		}
		assertThat(kinds).contains("docx", "pdf", "doc");
	}

	@Test
	void theHostileWorkloadKeepsAValidEnvelopeAroundEachCase() {
		var hostile = HostileMails.all(WORKLOADS, "http://127.0.0.1:9/unreachable");
		assertThat(hostile).hasSizeGreaterThanOrEqualTo(14);
		assertThat(hostile).extracting(BenchMail::messageId).doesNotHaveDuplicates();
		for (BenchMail mail : hostile) {
			assertAcceptedShape(mail);
			assertThat(new String(mail.raw(), 0, 2000, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("From: ");
		}
	}

	/** The default grammar of the Guangzhou profile, for the sender's own unit, dated the day of the workload. */
	private static void assertAcceptedShape(BenchMail mail) {
		var informant = INFORMANTS.stream().filter(i -> i.address().equals(mail.from())).findFirst().orElseThrow();
		var m = Pattern.compile("【(动态|综合|简讯)】(.+)\\|(.{6,80})\\|签发人:(\\p{IsHan}{2,4})\\|报送人:(.+)\\|(1\\d{10})\\|(\\d{4}-\\d{2}-\\d{2})")
			.matcher(mail.subject());
		assertThat(m.matches()).as(mail.subject()).isTrue();
		assertThat(m.group(2)).isEqualTo(informant.unit());
		assertThat(m.group(3)).startsWith(informant.unit());
		assertThat(m.group(5)).isEqualTo(informant.reporter());
		assertThat(m.group(6)).isEqualTo(informant.phone());
		assertThat(m.group(7)).isEqualTo(DAY.toString());
	}
}
