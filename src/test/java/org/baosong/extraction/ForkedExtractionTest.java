package org.baosong.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus (quality-bars.md, W5) against the default mode: forked parser processes with
 * a 256 MB heap cap, a per-file timeout and a no-progress timeout. Every file ends with a status
 * within its limit, and the pool keeps serving the next file.
 */
class ForkedExtractionTest {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	static final Duration NO_PROGRESS = Duration.ofSeconds(6);

	@TempDir
	static Path dir;

	static Extractors extractors;

	static ForkedParserPool pool;

	static TextExtractor extractor;

	/** A file outside the data directory, with a marker no extraction may ever show. */
	static Path secret;

	static ServerSocket web;

	static final AtomicInteger webConnections = new AtomicInteger();

	@BeforeAll
	static void startPool() throws IOException {
		extractors = new Extractors(dir.resolve("data"));
		pool = new ForkedParserPool(
				Extractors.properties(TIMEOUT, NO_PROGRESS, "256MB", List.of(HostileTestParser.class.getName())),
				dir.resolve("data/extraction"));
		extractor = extractors.forked(pool);
		Files.createDirectories(dir.resolve("outside"));
		secret = Files.writeString(dir.resolve("outside/secret.txt").toAbsolutePath(), "SECRET-MARKER-7f3a",
				StandardCharsets.UTF_8);
		web = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread accept = new Thread(() -> {
			while (!web.isClosed()) {
				try (var socket = web.accept()) {
					webConnections.incrementAndGet();
				}
				catch (IOException closed) {
					return;
				}
			}
		});
		accept.setDaemon(true);
		accept.start();
	}

	@AfterAll
	static void stopPool() throws IOException {
		pool.close();
		if (web != null) {
			web.close();
		}
	}

	private ExtractedText extract(byte[] bytes, String declaredType, String name) {
		long start = System.nanoTime();
		ExtractedText text = extractor.extract(extractors.store(bytes), declaredType, name);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("within the timeout").isLessThan(TIMEOUT.plusSeconds(15));
		return text;
	}

	private void gatewayKeepsWorking() {
		ExtractedText ok = extract(HostileFiles.resource("report1.docx"), HostileFiles.DOCX, "report1.docx");
		assertThat(ok.status()).isEqualTo(ExtractionStatus.OK);
		assertThat(ok.title()).isEqualTo(RealDocumentsTest.TITLE1);
	}

	@Test
	void realDocumentsAreReadInTheParserProcess() {
		for (String file : List.of("report1.doc", "report2.pdf", "report3.wps", "report1.odt", "report2.rtf")) {
			ExtractedText text = extract(HostileFiles.resource(file), "application/octet-stream", file);
			assertThat(text.status()).as(file + " " + text.warnings()).isEqualTo(ExtractionStatus.OK);
			assertThat(text.complete()).isTrue();
		}
	}

	@Test
	void aParserThatHangsEndsAsTimeoutAndTheNextFileIsRead() {
		ExtractedText text = extract("HANG\n报告".getBytes(StandardCharsets.UTF_8), "text/plain", "hang.txt");

		assertThat(text.status()).isEqualTo(ExtractionStatus.TIMEOUT);
		assertThat(text.complete()).isFalse();
		assertThat(text.warnings()).anySatisfy(w -> assertThat(w).contains("no progress"));
		gatewayKeepsWorking();
	}

	@Test
	void aParserThatCrashesItsProcessEndsAsFailed() {
		ExtractedText text = extract("CRASH\n报告".getBytes(StandardCharsets.UTF_8), "text/plain", "crash.txt");

		assertThat(text.status()).isEqualTo(ExtractionStatus.FAILED);
		assertThat(text.warnings()).anySatisfy(w -> assertThat(w).contains("exit code 7"));
		gatewayKeepsWorking();
	}

	@Test
	void aFileThatExhaustsTheMemoryCapEndsAsFailed() {
		ExtractedText text = extract("OOM\n报告".getBytes(StandardCharsets.UTF_8), "text/plain", "oom.txt");

		assertThat(text.status()).isEqualTo(ExtractionStatus.FAILED);
		assertThat(text.warnings()).anySatisfy(w -> assertThat(w).contains("memory"));
		gatewayKeepsWorking();
	}

	@Test
	void aZipBombDocxEndsAsFailed() {
		ExtractedText text = extract(HostileFiles.zipBombDocx(), HostileFiles.DOCX, "bomb.docx");

		assertThat(text.status()).isEqualTo(ExtractionStatus.FAILED);
		assertThat(text.warnings()).anySatisfy(w -> assertThat(w.toLowerCase()).contains("bomb"));
		gatewayKeepsWorking();
	}

	@Test
	void billionLaughsInADocxEndsAsFailedWithoutExpanding() {
		ExtractedText text = extract(HostileFiles.billionLaughsDocx(), HostileFiles.DOCX, "lol.docx");

		assertThat(text.status()).isEqualTo(ExtractionStatus.FAILED);
		assertThat(text.text()).doesNotContain("lollol");
	}

	@Test
	void externalEntitiesInADocxAreNeverResolved() {
		ExtractedText text = extract(
				HostileFiles.xxeDocx(secret.toUri().toString(), "http://127.0.0.1:" + web.getLocalPort() + "/xxe"),
				HostileFiles.DOCX, "xxe.docx");

		assertThat(text.status()).isIn(ExtractionStatus.FAILED, ExtractionStatus.OK);
		assertThat(text.text()).doesNotContain("SECRET-MARKER");
		assertThat(webConnections).hasValue(0);
	}

	@Test
	void externalEntitiesInAPdfXfaFormAreNeverResolved() {
		ExtractedText text = extract(
				HostileFiles.xfaXxePdf(secret.toUri().toString(), "http://127.0.0.1:" + web.getLocalPort() + "/xfa"),
				"application/pdf", "xfa.pdf");

		assertThat(text.status()).isIn(ExtractionStatus.FAILED, ExtractionStatus.OK);
		assertThat(text.text() + text.firstPage()).doesNotContain("SECRET-MARKER");
		assertThat(webConnections).hasValue(0);
	}

	@Test
	void aDeeplyNestedChainOfEmbeddedDocumentsIsCutAtTheDepthLimit() {
		ExtractedText text = extract(HostileFiles.nestedDocx(30), HostileFiles.DOCX, "nested.docx");

		assertThat(text.status()).isEqualTo(ExtractionStatus.OK);
		assertThat(text.text()).contains("第1层").contains("第2层").doesNotContain("第30层");
		assertThat(text.truncated()).isTrue();
		assertThat(text.complete()).isFalse();
		assertThat(text.warnings()).anySatisfy(w -> assertThat(w).contains("nested deeper"));
	}

	@Test
	void encryptedDocxAndPdfAreReportedAsEncrypted() {
		ExtractedText docx = extract(HostileFiles.encryptedDocx(HostileFiles.resource("report1.docx"), "mima123"),
				HostileFiles.DOCX, "encrypted.docx");
		ExtractedText pdf = extract(HostileFiles.encryptedPdf(HostileFiles.resource("report1.pdf"), "mima123"),
				"application/pdf", "encrypted.pdf");

		assertThat(docx.status()).isEqualTo(ExtractionStatus.ENCRYPTED);
		assertThat(docx.encrypted()).isTrue();
		assertThat(docx.complete()).isFalse();
		assertThat(pdf.status()).isEqualTo(ExtractionStatus.ENCRYPTED);
		assertThat(pdf.encrypted()).isTrue();
	}

	@Test
	void aMacroDocumentIsUnsupportedWhateverItIsCalled() {
		ExtractedText text = extract(HostileFiles.docm(), HostileFiles.DOCX, "report.docx");

		assertThat(text.status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
		assertThat(text.detectedType()).isEqualTo("application/vnd.ms-word.document.macroenabled.12");
	}

	@Test
	void aWord97DocumentWithAVbaProjectIsUnsupported() throws IOException {
		byte[] doc = MacroDocuments.withMacros(HostileFiles.resource("report2.doc"), MacroDocuments.sampleModules());
		// a VBA project POI reads: both modules' source, decompressed from the dir and module streams
		try (var reader = new org.apache.poi.poifs.macros.VBAMacroReader(new java.io.ByteArrayInputStream(doc))) {
			var macros = reader.readMacros();
			assertThat(macros).containsOnlyKeys("ThisDocument", "Module1");
			assertThat(macros.get("Module1")).isEqualTo(MacroDocuments.sampleModules().get("Module1"));
			assertThat(macros.get("ThisDocument")).contains("Private Sub Document_Open()").contains("宏已运行");
		}

		ExtractedText text = extract(doc, "application/msword", "report.doc");

		assertThat(text.status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
		assertThat(text.detectedType()).isEqualTo("application/msword");
		assertThat(text.warnings()).contains("document contains macros");
		assertThat(text.text()).isEmpty();
		gatewayKeepsWorking();
	}

	@Test
	void documentsCutShortInTransitFailAsDamaged() {
		byte[] docx = HostileFiles.resource("report2.docx");
		byte[] doc = HostileFiles.resource("report2.doc");
		ExtractedText cutDocx = extract(java.util.Arrays.copyOf(docx, docx.length / 2), HostileFiles.DOCX, "report.docx");
		byte[] flipped = docx.clone();
		int data = indexOf(flipped, "word/document.xml".getBytes(StandardCharsets.US_ASCII)) + "word/document.xml".length() + 40;
		for (int i = 0; i < 16; i++) {
			flipped[data + i] ^= 0x5A;
		}
		ExtractedText damagedPart = extract(flipped, HostileFiles.DOCX, "report.docx");
		ExtractedText cutDoc = extract(java.util.Arrays.copyOf(doc, doc.length / 2), "application/msword", "report.doc");

		assertThat(cutDocx.status()).isEqualTo(ExtractionStatus.FAILED);
		assertThat(cutDocx.warnings()).anySatisfy(w -> assertThat(w).startsWith("damaged file: the zip directory cannot be read"));
		assertThat(damagedPart.status()).isEqualTo(ExtractionStatus.FAILED);
		// detected as docx or, where the damage hides the package's kind, as a generic package: failed either way
		assertThat(damagedPart.warnings()).anySatisfy(w -> assertThat(w).containsAnyOf("ZipException", "ZLIB"));
		assertThat(cutDoc.status()).isEqualTo(ExtractionStatus.FAILED);
		assertThat(cutDoc.warnings()).anySatisfy(w -> assertThat(w).startsWith("damaged file: the compound file cannot be read"));
		gatewayKeepsWorking();
	}

	@Test
	void anIntactOle2FileOfAnotherKindIsUnsupported() throws IOException {
		var out = new java.io.ByteArrayOutputStream();
		try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
			fs.createDocument(new java.io.ByteArrayInputStream(new byte[3000]), "Contents");
			fs.writeFilesystem(out);
		}
		ExtractedText text = extract(out.toByteArray(), "application/octet-stream", "report.doc");

		assertThat(text.status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
		assertThat(text.detectedType()).isEqualTo("application/x-tika-msoffice");
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalArgumentException("not found");
	}

	@Test
	void anExecutableCalledDocIsUnsupported() {
		byte[] exe = new byte[4096];
		exe[0] = 'M';
		exe[1] = 'Z';
		ExtractedText text = extract(exe, "application/msword", "report.doc");

		assertThat(text.status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
	}

	@Test
	void a50MegabytePdfIsReadWithinTheMemoryCap() {
		byte[] pdf = HostileFiles.largePdf(50);
		ExtractedText text = extract(pdf, "application/pdf", "large.pdf");

		assertThat(text.status()).as(text.warnings().toString()).isEqualTo(ExtractionStatus.OK);
		assertThat(text.pageCount()).isEqualTo(10);
		assertThat(text.text()).contains("Large report page 10");
	}
}
