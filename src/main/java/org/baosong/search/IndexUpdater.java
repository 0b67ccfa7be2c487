package org.baosong.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.editorial.SubmissionChanged;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index in step with the database, on one background thread so that neither a write nor
 * start-up waits for Lucene. Each change re-reads the submission after its transaction committed;
 * changes that arrive together are indexed and committed together, and made visible right after the
 * commit (ADR 0010). A rebuild runs on the same thread: changes that arrive meanwhile wait and are
 * applied after it, re-read, so none is lost. At start the index is rebuilt when it is missing or its
 * document count differs from the table's; otherwise submissions changed since the last commit
 * (minus a margin) are indexed again, which covers a crash between a database commit and an index one.
 */
@Component
class IndexUpdater implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IndexUpdater.class);

	private static final long REBUILD = -1;

	private static final long WAKE = -2;

	/** Writers' clocks and ours may disagree a little; re-indexing a few extra rows costs nothing. */
	private static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(5);

	private final SearchIndex index;

	private final SubmissionSource source;

	private final SearchProperties properties;

	private final Clock clock;

	private final LinkedBlockingQueue<Long> queue = new LinkedBlockingQueue<>();

	private final Set<Long> retry = new LinkedHashSet<>();

	private volatile boolean running;

	private volatile Thread worker;

	private volatile Rebuild rebuild = Rebuild.NONE;

	private volatile String lastError;

	private volatile int retrying;

	IndexUpdater(SearchIndex index, SubmissionSource source, SearchProperties properties, Clock clock) {
		this.index = index;
		this.source = source;
		this.properties = properties;
		this.clock = clock;
	}

	/** Progress of the current or last rebuild. */
	record Rebuild(boolean running, long done, long total, Instant startedAt, Instant finishedAt) {

		static final Rebuild NONE = new Rebuild(false, 0, 0, null, null);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void onSubmissionChanged(SubmissionChanged event) {
		queue.add(event.submissionId());
	}

	void requestRebuild() {
		queue.add(REBUILD);
	}

	Rebuild rebuild() {
		return rebuild;
	}

	/** Changes and requests not yet indexed. */
	int pending() {
		return queue.size() + retrying;
	}

	String lastError() {
		return lastError;
	}

	@Override
	public void start() {
		running = true;
		worker = new Thread(this::run, "search-index");
		worker.setDaemon(true);
		worker.start();
	}

	@Override
	public void stop() {
		running = false;
		queue.add(WAKE);
		Thread thread = worker;
		if (thread != null) {
			try {
				// not interrupted: an interrupt during file I/O would close Lucene's channels under the writer
				thread.join(Duration.ofSeconds(30).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		queueStartupWork();
		int failures = 0;
		while (running) {
			var batch = new LinkedHashSet<Long>(retry);
			retry.clear();
			retrying = 0;
			try {
				Long first = batch.isEmpty() ? queue.poll(1, TimeUnit.HOURS) : queue.poll(backoff(failures).toMillis(), TimeUnit.MILLISECONDS);
				if (first != null) {
					batch.add(first);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			var more = new ArrayList<Long>();
			queue.drainTo(more, 10_000);
			batch.addAll(more);
			batch.remove(WAKE);
			if (batch.isEmpty() || !running) {
				continue;
			}
			try {
				if (batch.remove(REBUILD)) {
					rebuildAll();
				}
				if (running && !batch.isEmpty()) {
					apply(batch);
				}
				failures = 0;
				lastError = null;
			}
			catch (Exception ex) {
				failures++;
				lastError = ex.toString();
				log.warn("Search index update failed (retried in {} s): {}", backoff(failures).toSeconds(), ex.toString());
				retry.addAll(batch);
				if (rebuild.running()) { // its REBUILD was taken out of the batch; a retried batch rebuilds first
					rebuild = new Rebuild(false, rebuild.done(), rebuild.total(), rebuild.startedAt(), null);
					retry.add(REBUILD);
				}
				retrying = retry.size();
			}
		}
	}

	private static Duration backoff(int failures) {
		return failures == 0 ? Duration.ZERO : Duration.ofSeconds(Math.min(60, 1L << Math.min(failures, 6)));
	}

	/** Decides, off the start-up thread, whether the index must be rebuilt or only caught up. */
	private void queueStartupWork() {
		try {
			long rows = source.count();
			int documents = index.documentCount();
			if (index.createdNow() || rows != documents) {
				log.info("Search index {}: rebuilding it from {} submissions in the background",
						index.createdNow() ? "missing" : "holds " + documents + " documents", rows);
				queue.add(REBUILD);
				return;
			}
			Instant through = index.indexedThrough();
			if (through != null) {
				queue.addAll(source.idsChangedSince(through.minus(CATCH_UP_MARGIN)));
			}
		}
		catch (RuntimeException ex) {
			lastError = ex.toString();
			log.warn("Search index check at start-up failed; rebuilding: {}", ex.toString());
			queue.add(REBUILD);
		}
	}

	private void rebuildAll() throws Exception {
		Instant through = clock.instant();
		long total = source.count();
		long started = System.nanoTime();
		rebuild = new Rebuild(true, 0, total, through, null);
		index.removeAll();
		long after = 0;
		long done = 0;
		while (running) {
			List<Long> ids = source.idsAfter(after, properties.rebuildBatch());
			if (ids.isEmpty()) {
				break;
			}
			index.add(source.load(ids));
			done += ids.size();
			after = ids.get(ids.size() - 1);
			rebuild = new Rebuild(true, done, Math.max(total, done), through, null);
		}
		if (!running) {
			return; // shutting down: nothing committed, the previous index stays
		}
		index.commit(through);
		rebuild = new Rebuild(false, done, done, through, clock.instant());
		log.info("Search index rebuilt: {} submissions in {} ms", done, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	private void apply(Set<Long> ids) throws Exception {
		Instant through = clock.instant();
		var found = new LinkedHashSet<Long>();
		for (IndexedSubmission submission : source.load(ids)) {
			index.put(submission);
			found.add(submission.id());
		}
		boolean removed = false;
		for (long id : ids) {
			if (!found.contains(id)) {
				index.remove(id);
				removed = true;
			}
		}
		if (removed) {
			index.expungeDeleted();
		}
		index.commit(through);
	}
}
