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
 * start-up waits for Lucene. Each change re-reads the submission after its transaction committed and is
 * indexed as it comes; the index is committed (and the searchers refreshed) at most once per
 * {@code baosong.search.commit-interval}: a change that follows a quiet spell is committed at once, one
 * that arrives within the interval after a commit waits for the next (ADR 0010). A commit fsyncs, and
 * committing every change of a steady intake made Lucene cost as much CPU as the intake itself
 * (docs/PERFORMANCE.md). A rebuild runs on the same thread: changes that arrive meanwhile wait and are
 * applied after it, re-read, so none is lost. At start the index is rebuilt when it is missing or its
 * document count differs from the table's; otherwise submissions changed since the last commit (minus a
 * margin) are indexed again, which covers a crash between a database commit and an index one, and the
 * changes a crash caught indexed but not yet committed. A normal stop commits what is pending.
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

	/** Changes indexed since the last commit (worker thread only). */
	private final Set<Long> uncommitted = new LinkedHashSet<>();

	/** The time before the oldest of {@link #uncommitted} was read: what their commit records. */
	private Instant uncommittedThrough;

	private volatile int uncommittedCount;

	private long lastCommitNanos;

	/** A rebuild stopped by shutdown left the writer half rebuilt: nothing may be committed after it. */
	private boolean rebuildCutShort;

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

	/** Changes and requests not yet indexed, or indexed but not yet committed (and so not yet visible). */
	int pending() {
		return queue.size() + retrying + uncommittedCount;
	}

	/** Changes indexed but not yet committed. */
	int uncommitted() {
		return uncommittedCount;
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
		long interval = properties.commitInterval().toNanos();
		lastCommitNanos = System.nanoTime() - interval;
		int failures = 0;
		while (running) {
			var batch = new LinkedHashSet<Long>(retry);
			retry.clear();
			retrying = 0;
			try {
				Long first = queue.poll(waitMillis(batch, failures, interval), TimeUnit.MILLISECONDS);
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
			if (!running) {
				break;
			}
			try {
				if (batch.remove(REBUILD)) {
					rebuildAll();
				}
				if (running && !batch.isEmpty()) {
					apply(batch);
				}
				if (running && !uncommitted.isEmpty() && System.nanoTime() - lastCommitNanos >= interval) {
					commit(uncommittedThrough);
				}
				failures = 0;
				lastError = null;
			}
			catch (Exception ex) {
				failures++;
				lastError = ex.toString();
				log.warn("Search index update failed (retried in {} s): {}", backoff(failures).toSeconds(), ex.toString());
				retry.addAll(batch);
				retry.addAll(uncommitted); // indexed again, re-read, with the retry
				forgetUncommitted();
				if (rebuild.running()) { // its REBUILD was taken out of the batch; a retried batch rebuilds first
					rebuild = new Rebuild(false, rebuild.done(), rebuild.total(), rebuild.startedAt(), null);
					retry.add(REBUILD);
				}
				retrying = retry.size();
			}
		}
		commitOnStop();
	}

	/** How long to wait for the next change: the back-off after a failure, else until the next commit is due. */
	private long waitMillis(Set<Long> retried, int failures, long intervalNanos) {
		if (!retried.isEmpty()) {
			return backoff(failures).toMillis();
		}
		if (!uncommitted.isEmpty()) {
			long left = intervalNanos - (System.nanoTime() - lastCommitNanos);
			return Math.max(0, TimeUnit.NANOSECONDS.toMillis(left + 999_999));
		}
		return TimeUnit.HOURS.toMillis(1);
	}

	private void commitOnStop() {
		if (uncommitted.isEmpty() || rebuildCutShort) {
			return; // a rebuild cut short keeps the previous index; the start-up catch-up re-reads what was pending
		}
		try {
			commit(uncommittedThrough);
		}
		catch (Exception ex) {
			log.warn("Search index commit at shutdown failed; the next start catches up: {}", ex.toString());
		}
	}

	private void commit(Instant through) throws Exception {
		index.commit(through);
		lastCommitNanos = System.nanoTime();
		forgetUncommitted();
	}

	private void forgetUncommitted() {
		uncommitted.clear();
		uncommittedThrough = null;
		uncommittedCount = 0;
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
			rebuildCutShort = true;
			return; // shutting down: nothing committed, the previous index stays
		}
		commit(through); // the rebuild read every row after `through`: what was indexed but uncommitted before is in it
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
		if (uncommittedThrough == null) {
			uncommittedThrough = through;
		}
		uncommitted.addAll(ids);
		uncommittedCount = uncommitted.size();
	}
}
