package org.baosong.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.baosong.common.BaosongProperties;
import org.baosong.editorial.SubmissionChanged;

/**
 * The index kept in step with the tables: changes after commit, the rebuild at start when the index is
 * missing or its count is wrong, the catch-up of changes a crash kept from the index, and a rebuild that
 * searches do not see until it is complete, with the changes made meanwhile applied after it, and changes
 * within the commit interval held back until the next commit or the stop.
 */
class IndexUpdaterTest {

	static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

	@TempDir
	Path dir;

	final FakeSearchMapper tables = new FakeSearchMapper();

	SearchProperties properties = new SearchProperties(null, 2, 300_000, Duration.ofSeconds(1));

	SearchIndex index;

	IndexUpdater updater;

	@AfterEach
	void close() throws Exception {
		stop();
	}

	private void start() {
		index = SearchIndex.open(dir, new SubmissionDocuments(properties.maxTextChars()));
		updater = new IndexUpdater(index, new SubmissionSource(tables), properties, Clock.fixed(T0.plusSeconds(3600), ZoneId.of("UTC")));
		updater.start();
	}

	private void stop() throws Exception {
		if (updater != null) {
			updater.stop();
			index.close();
			updater = null;
		}
	}

	private List<Long> found(String text) {
		var search = new SubmissionSearch(index, updater, null, new BaosongProperties(dir, ZoneId.of("Asia/Shanghai"), null), properties);
		return search.search(SearchCriteria.text(text)).items().stream().map(SearchHit::id).toList();
	}

	@Test
	void aMissingIndexIsBuiltAtStartInTheBackgroundAndChangesFollowAfterCommit() {
		tables.put(1, "越秀区推进老旧小区改造", "累计完成改造项目42个。", T0);
		tables.put(2, "天河区发布数字经济三年行动计划", "数字经济核心产业增加值突破2000亿元。", T0);
		tables.put(3, "海珠区启动防汛四级应急响应", "转移群众300人。", T0);
		start();

		await().atMost(Duration.ofSeconds(20)).until(() -> index.documentCount() == 3);
		assertThat(found("老旧小区改造")).containsExactly(1L);
		assertThat(updater.rebuild().finishedAt()).isNotNull();

		tables.put(2, "天河区发布人工智能产业行动计划", "人工智能核心产业。", T0.plusSeconds(60));
		updater.onSubmissionChanged(new SubmissionChanged(2));
		tables.delete(3);
		updater.onSubmissionChanged(new SubmissionChanged(3));
		// both changes were queued: wait until the update of 2 and the delete of 3 are both applied
		await().atMost(Duration.ofSeconds(20)).until(() -> found("人工智能").equals(List.of(2L)) && updater.pending() == 0
				&& index.documentCount() == 2);
		assertThat(found("数字经济")).isEmpty();
		assertThat(found("防汛")).isEmpty();
		assertThat(index.documentCount()).isEqualTo(2);
	}

	@Test
	void aSubmissionRemovedFromTheTablesLeavesNoTextInTheIndexDirectory() throws Exception {
		String marker = "MARKER" + System.nanoTime();
		tables.put(1, "越秀区推进老旧小区改造", "累计完成改造项目42个。", T0);
		tables.put(2, "情况报告 " + marker, "内容 " + marker + "。", T0);
		start();
		await().atMost(Duration.ofSeconds(20)).until(() -> found(marker.toLowerCase()).equals(List.of(2L)));
		assertThat(filesContaining(marker)).as("the test can see the text on disk").isNotEmpty();

		tables.delete(2);
		updater.onSubmissionChanged(new SubmissionChanged(2));
		await().atMost(Duration.ofSeconds(20)).until(() -> found(marker.toLowerCase()).isEmpty() && updater.pending() == 0);
		assertThat(filesContaining(marker)).isEmpty();
		assertThat(found("老旧小区改造")).containsExactly(1L);
	}

	private List<Path> filesContaining(String text) throws java.io.IOException {
		try (var files = java.nio.file.Files.list(dir)) {
			return files.filter(f -> {
				try {
					String content = new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
					return content.contains(text) || content.contains(text.toLowerCase());
				}
				catch (java.io.IOException ex) {
					return false; // deleted meanwhile
				}
			}).toList();
		}
	}

	@Test
	void atStartAWrongCountRebuildsAndARightOneCatchesUpWhatChangedSinceTheLastCommit() throws Exception {
		tables.put(1, "越秀区推进老旧小区改造", "累计完成改造项目42个。", T0);
		start();
		await().atMost(Duration.ofSeconds(20)).until(() -> index.documentCount() == 1 && updater.pending() == 0);
		stop();

		// a row added while the application was down: the counts differ, the index is rebuilt
		tables.put(2, "天河区发布数字经济三年行动计划", "数字经济核心产业。", T0);
		start();
		await().atMost(Duration.ofSeconds(20)).until(() -> index.documentCount() == 2);
		assertThat(found("数字经济")).containsExactly(2L);
		stop();

		// a row changed after the index's last commit (a crash lost the event): same count, re-read at start
		tables.put(1, "越秀区推进加装电梯", "加装电梯153台。", T0.plusSeconds(4000));
		start();
		await().atMost(Duration.ofSeconds(20)).until(() -> found("加装电梯").equals(List.of(1L)));
		assertThat(updater.rebuild().finishedAt()).as("no rebuild was needed").isNull();
	}

	@Test
	void searchesSeeTheOldIndexWhileARebuildRunsAndChangesMadeMeanwhileAreKept() throws Exception {
		tables.put(1, "越秀区推进老旧小区改造", "累计完成改造项目42个。", T0);
		tables.put(2, "天河区发布数字经济三年行动计划", "数字经济核心产业。", T0);
		start();
		await().atMost(Duration.ofSeconds(20)).until(() -> index.documentCount() == 2 && !updater.rebuild().running());

		tables.holdRebuild = new CountDownLatch(1);
		tables.rebuildReading = new CountDownLatch(1);
		updater.requestRebuild();
		tables.rebuildReading.await();
		await().atMost(Duration.ofSeconds(20)).until(() -> updater.rebuild().running());
		assertThat(found("老旧小区改造")).as("the index before the rebuild").containsExactly(1L);
		assertThat(index.documentCount()).isEqualTo(2);

		tables.put(3, "海珠区启动防汛四级应急响应", "转移群众300人。", T0);
		updater.onSubmissionChanged(new SubmissionChanged(3));
		assertThat(updater.pending()).isEqualTo(1);
		tables.holdRebuild.countDown();

		await().atMost(Duration.ofSeconds(20)).until(() -> !updater.rebuild().running() && updater.pending() == 0
				&& index.documentCount() == 3);
		assertThat(found("防汛")).containsExactly(3L);
		assertThat(found("老旧小区改造")).containsExactly(1L);
	}

	@Test
	void changesWithinTheCommitIntervalAreIndexedButShownOnlyAfterTheNextCommitWhichAStopMakes() throws Exception {
		properties = new SearchProperties(null, 2, 300_000, Duration.ofMinutes(10));
		tables.put(1, "越秀区推进老旧小区改造", "累计完成改造项目42个。", T0);
		tables.put(2, "天河区发布数字经济三年行动计划", "数字经济核心产业。", T0);
		start();
		await().atMost(Duration.ofSeconds(20)).until(() -> index.documentCount() == 2 && updater.rebuild().finishedAt() != null
				&& updater.pending() == 0);

		// changed long before the last commit's time: the start-up catch-up would not find them, only a commit keeps them
		tables.put(1, "越秀区推进加装电梯", "加装电梯153台。", T0);
		updater.onSubmissionChanged(new SubmissionChanged(1));
		tables.put(2, "天河区发布人工智能产业行动计划", "人工智能核心产业。", T0);
		updater.onSubmissionChanged(new SubmissionChanged(2));
		await().atMost(Duration.ofSeconds(20)).until(() -> updater.uncommitted() == 2);
		assertThat(updater.pending()).isEqualTo(2);
		assertThat(found("加装电梯")).as("the rebuild's commit was less than the interval ago").isEmpty();
		assertThat(found("老旧小区改造")).containsExactly(1L);

		stop();
		start();
		await().atMost(Duration.ofSeconds(20)).until(() -> updater.pending() == 0);
		assertThat(found("加装电梯")).containsExactly(1L);
		assertThat(found("人工智能")).containsExactly(2L);
		assertThat(found("老旧小区改造")).isEmpty();
		assertThat(updater.rebuild().finishedAt()).as("no rebuild was needed").isNull();
	}
}
