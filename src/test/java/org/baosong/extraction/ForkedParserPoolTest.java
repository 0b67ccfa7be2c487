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
				new ExtractionProperties.Pool(1, 3, Duration.ofSeconds(60), List.of()), new ExtractionProperties.Cache(false, 0));
		try (var pool = new ForkedParserPool(properties, dir.resolve("data/extraction"))) {
			var extractor = extractors.forked(pool);
			byte[] docx = HostileFiles.resource("report1.docx");

			assertThat(extractor.extract(extractors.store(docx), HostileFiles.DOCX, "1.docx").status()).isEqualTo(ExtractionStatus.OK);
			Set<Long> first = pids(pool);
			assertThat(first).as("one process for the first file, no successor yet (lead 1 of 3 files)").hasSize(1);

			// the second file is the first process's last but one: its successor starts in the background
			assertThat(extractor.extract(extractors.store(docx), HostileFiles.DOCX, "2.docx").status()).isEqualTo(ExtractionStatus.OK);
			await().atMost(Duration.ofSeconds(60)).until(() -> pids(pool).size() == 2);
			Set<Long> both = pids(pool);
			assertThat(both).as("the successor is running beside the first").hasSize(2).containsAll(first);
			Set<Long> successor = both.stream().filter(pid -> !first.contains(pid)).collect(Collectors.toSet());

			// the third file is still the first process's: then it retires
			assertThat(extractor.extract(extractors.store(docx), HostileFiles.DOCX, "3.docx").status()).isEqualTo(ExtractionStatus.OK);
			assertThat(pids(pool)).as("the first process retired after its third file").isEqualTo(successor);

			// the fourth is served by the successor, which was started before it: no process starts for it
			assertThat(extractor.extract(extractors.store(docx), HostileFiles.DOCX, "4.docx").status()).isEqualTo(ExtractionStatus.OK);
			assertThat(pids(pool)).isEqualTo(successor);
		}
	}

	@Test
	void theSuccessorIsAskedForATenthOfTheFilesBeforeTheLastAtMostFifty() {
		assertThat(ForkedParserPool.successorLead(500)).isEqualTo(50);
		assertThat(ForkedParserPool.successorLead(100)).isEqualTo(10);
		assertThat(ForkedParserPool.successorLead(100_000)).isEqualTo(50);
		assertThat(ForkedParserPool.successorLead(3)).isEqualTo(1);
		assertThat(ForkedParserPool.successorLead(1)).isEqualTo(1);
	}

	private static Set<Long> pids(ForkedParserPool pool) {
		return pool.processes().stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).collect(Collectors.toSet());
	}
}
