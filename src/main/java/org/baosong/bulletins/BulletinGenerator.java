package org.baosong.bulletins;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.profile.ProfileCatalog;
import org.baosong.profile.PeriodKind;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates bulletins in the background, one at a time, on a thread of its own: the bulletin's row says
 * which step is under way, so the page can show the progress.
 * The computation runs in one read-only, repeatable-read transaction (every step sees the same ledger);
 * the progress is written in transactions of its own, at most a few times a second.
 */
@Component
class BulletinGenerator implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BulletinGenerator.class);

	/** A generation not finished after this long was lost with its node (a restart, a crash). */
	static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);

	private static final long PROGRESS_EVERY_MILLIS = 250;

	private final BulletinMapper mapper;

	private final BulletinComputation computation;

	private final ProfileCatalog profiles;

	private final Clock clock;

	private final TransactionTemplate read;

	private final TransactionTemplate write;

	private final ExecutorService executor;

	BulletinGenerator(BulletinMapper mapper, BulletinComputation computation, ProfileCatalog profiles, Clock clock,
			PlatformTransactionManager transactions) {
		this.mapper = mapper;
		this.computation = computation;
		this.profiles = profiles;
		this.clock = clock;
		this.read = new TransactionTemplate(transactions);
		this.read.setReadOnly(true);
		this.read.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.write = new TransactionTemplate(transactions);
		this.write.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		var threads = new AtomicInteger();
		this.executor = Executors.newSingleThreadExecutor(r -> {
			var thread = new Thread(r, "bulletin-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Starts generating a bulletin whose row is committed. */
	void start(long id) {
		executor.execute(() -> run(id));
	}

	/** Generates a bulletin now, on the calling thread (the background task; tests). */
	void run(long id) {
		var row = mapper.find(id).orElse(null);
		if (row == null || !Bulletin.GENERATING.equals(row.state())) {
			return;
		}
		try {
			var profile = profiles.find(row.profileId()).orElseThrow(() -> new IllegalStateException("no profile " + row.profileId()));
			var period = profile.calendar().period(PeriodKind.valueOf(row.periodKind()), row.periodKey())
				.orElseThrow(() -> new IllegalStateException("no period " + row.periodKind() + " " + row.periodKey()));
			var progress = new Throttled(id);
			var sequences = java.util.Arrays.stream(row.sequences().split(",")).map(String::strip).toList();
			BulletinContent content = read.execute(status -> computation.compute(profile, period, sequences, progress));
			progress.at("SAVING", content.unitCount(), content.unitCount());
			var stored = Snapshots.write(content);
			write.executeWithoutResult(status -> mapper.generated(id, stored.gzip(), stored.sha256(), content.ledgerLines(), content.ledgerPoints(),
					clock.instant()));
			log.info("bulletin #{} ({} {} {}) generated: {} units, {} ledger rows", id, row.profileId(), row.periodKind(), row.periodKey(),
					content.unitCount(), content.ledgerLines());
		}
		catch (RuntimeException ex) {
			log.warn("bulletin #{} failed: {}", id, ex.toString(), ex);
			String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			write.executeWithoutResult(status -> mapper.failed(id, message.length() > 1000 ? message.substring(0, 1000) : message, clock.instant()));
		}
	}

	/** Marks as failed the generations a stopped node left behind. */
	int abandonStale() {
		return write.execute(status -> mapper.abandon(clock.instant().minus(ABANDONED_AFTER), "generation interrupted (the server stopped)",
				clock.instant()));
	}

	@Override
	public void destroy() throws InterruptedException {
		executor.shutdownNow();
		executor.awaitTermination(10, TimeUnit.SECONDS);
	}

	/** Writes the progress when the step changes, when a step is done, and otherwise at most every quarter second. */
	private final class Throttled implements BulletinComputation.Progress {

		private final long id;

		private String stage;

		private long last;

		Throttled(long id) {
			this.id = id;
		}

		@Override
		public void at(String stage, int done, int total) {
			long now = clock.millis();
			if (stage.equals(this.stage) && done < total && now - last < PROGRESS_EVERY_MILLIS) {
				return;
			}
			this.stage = stage;
			this.last = now;
			write.executeWithoutResult(status -> mapper.progress(id, stage, done, total));
		}
	}
}
