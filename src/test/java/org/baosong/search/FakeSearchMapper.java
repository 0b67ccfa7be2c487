package org.baosong.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The submission tables in memory, for the index's tests; a rebuild can be held at its first batch. */
class FakeSearchMapper implements SearchMapper {

	final Map<Long, SubmissionRow> rows = new TreeMap<>();

	final Map<Long, Instant> updatedAt = new ConcurrentHashMap<>();

	volatile CountDownLatch holdRebuild;

	volatile CountDownLatch rebuildReading = new CountDownLatch(1);

	synchronized void put(long id, String title, String text, Instant at) {
		rows.put(id, new SubmissionRow(id, "GZ-2026-%06d".formatted(id), title, text, 1, "越秀区政府", "district", "动态", "RECEIVED", null,
				Instant.parse("2026-11-20T02:00:00Z")));
		updatedAt.put(id, at);
	}

	synchronized void delete(long id) {
		rows.remove(id);
		updatedAt.remove(id);
	}

	@Override
	public synchronized long countSubmissions() {
		return rows.size();
	}

	@Override
	public List<Long> idsAfter(long afterId, int limit) {
		rebuildReading.countDown();
		CountDownLatch hold = holdRebuild;
		if (hold != null) {
			try {
				hold.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		synchronized (this) {
			return rows.keySet().stream().filter(id -> id > afterId).limit(limit).toList();
		}
	}

	@Override
	public synchronized List<Long> idsChangedSince(Instant since) {
		return updatedAt.entrySet().stream().filter(e -> !e.getValue().isBefore(since)).map(Map.Entry::getKey).sorted().toList();
	}

	@Override
	public synchronized List<SubmissionRow> submissions(Collection<Long> ids) {
		return ids.stream().filter(rows::containsKey).map(rows::get).toList();
	}

	@Override
	public List<AttachmentRow> attachments(Collection<Long> ids) {
		return List.of();
	}
}
