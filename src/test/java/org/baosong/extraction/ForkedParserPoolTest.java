package org.baosong.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The replacement of a parser process that has served its files: its successor is started while it still
 * serves its last ones, so the file after its last finds a process ready instead of waiting for a JVM.
 */
class ForkedParserPoolTest {

	@TempDir
	Path dir;

	@Test
	void aSuccessorIsStartedBeforeTheLastFileAndServesTheNextOneWithoutAStart() throws Exception {
		var extractors = new Extractors(dir.resolve("data"));
		var properties = new ExtractionProperties(ExtractionProperties.Mode.FORKED, Duration.ofSeconds(30), Duration.ofSeconds(10),
				DataSize.ofMegabytes(256), 2_000_000, 5, 100, 100, 40, null, List.of(),
				new ExtractionProperties.Pool(1, 5, Duration.ofSeconds(60), List.of()), new ExtractionProperties.Cache(false, 0));
		try (var pool = new ForkedParserPool(properties, dir.resolve("data/extraction"))) {
			var extractor = extractors.forked(pool);
			byte[] docx = HostileFiles.resource("report1.docx");
			for (int file = 1; file <= 3; file++) {
				assertThat(extractor.extract(extractors.store(docx), HostileFiles.DOCX, file + ".docx").status()).isEqualTo(ExtractionStatus.OK);
			}
			Set<Long> first = pids(pool);
			assertThat(first).as("one process for the first files, no successor yet (lead 1 of 5 files)").hasSize(1);

			// the fourth file is the first process's last but one: its successor starts (and reads its warm-up documents)
			assertThat(extractor.extract(extractors.store(docx), HostileFiles.DOCX, "4.docx").status()).isEqualTo(ExtractionStatus.OK);
			await().atMost(Duration.ofSeconds(60)).until(() -> pids(pool).size() == 2);
			Set<Long> both = pids(pool);
			assertThat(both).as("the successor is running beside the first").containsAll(first);
			Set<Long> successor = both.stream().filter(pid -> !first.contains(pid)).collect(Collectors.toSet());

			// the fifth file is still the first process's: then it retires
			assertThat(extractor.extract(extractors.store(docx), HostileFiles.DOCX, "5.docx").status()).isEqualTo(ExtractionStatus.OK);
			assertThat(pids(pool)).as("the first process retired after its fifth file").isEqualTo(successor);

			// the sixth is served by the successor, which was started before it: no process starts for it
			assertThat(extractor.extract(extractors.store(docx), HostileFiles.DOCX, "6.docx").status()).isEqualTo(ExtractionStatus.OK);
			assertThat(pids(pool)).isEqualTo(successor);
		}
	}

	@Test
	void theSuccessorIsAskedForATenthOfTheFilesBeforeTheLastAtMostFifty() {
		assertThat(ForkedParserPool.successorLead(500)).isEqualTo(50);
		assertThat(ForkedParserPool.successorLead(100)).isEqualTo(10);
		assertThat(ForkedParserPool.successorLead(100_000)).isEqualTo(50);
		assertThat(ForkedParserPool.successorLead(5)).isEqualTo(1);
		assertThat(ForkedParserPool.successorLead(1)).isEqualTo(1);
	}

	@Test
	void theWarmUpDocumentsAreADocxAndAPdfThatReadCleanly() throws Exception {
		var extractors = new Extractors(dir.resolve("data"));
		var documents = WarmUpDocuments.all();
		var docx = extractors.inProcess().extract(extractors.store(documents.get(0)), HostileFiles.DOCX, "warm-up.docx");
		var pdf = extractors.inProcess().extract(extractors.store(documents.get(1)), "application/pdf", "warm-up.pdf");
		assertThat(docx.status()).isEqualTo(ExtractionStatus.OK);
		assertThat(docx.text()).contains("预热文档");
		assertThat(pdf.status()).isEqualTo(ExtractionStatus.OK);
		assertThat(pdf.text()).contains("A page a new parser process reads");
	}

	private static Set<Long> pids(ForkedParserPool pool) {
		return pool.processes().stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).collect(Collectors.toSet());
	}
}
