package org.baosong.registry;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.baosong.common.TextKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The registry lookups screening makes for every message — the informant by sender address, the unit by the
 * name in a subject or signature — answered from a copy of the whole registry in memory ({@link RegistryCopy}),
 * with the same answers as {@link Registry}'s queries.
 * <p>
 * When the copy is read again:
 * <ul>
 * <li>After every registry write through this node (import, unit edit, activation): the writers call
 * {@link #changing()} inside their transaction, which drops the copy at once and again when that transaction
 * has ended, committed or not. A copy carries the generation it was read under and counts only while no
 * change has happened since, so a read that overlapped a commit is never kept; and the copy is read in a
 * transaction of its own, never in the snapshot of a caller's older transaction.</li>
 * <li>After {@code baosong.registry.cache-ttl} (default 5 s): several nodes share one database but hear only
 * their own writes, so a change made through another node is seen here within the TTL. Nothing else writes
 * the registry tables.</li>
 * </ul>
 * Reading the copy is four queries over tables of a few hundred rows, at most once per TTL.
 */
@Service
public class CachedRegistry {

	private final Registry registry;

	private final long ttlNanos;

	private final LongSupplier nanoTime;

	private final AtomicLong generation = new AtomicLong();

	private final AtomicReference<Held> held = new AtomicReference<>();

	private record Held(long generation, long readAtNanos, RegistryCopy copy) {
	}

	@Autowired
	CachedRegistry(Registry registry, RegistryProperties properties) {
		this(registry, properties, System::nanoTime);
	}

	CachedRegistry(Registry registry, RegistryProperties properties, LongSupplier nanoTime) {
		this.registry = registry;
		this.ttlNanos = properties.cacheTtl().toNanos();
		this.nanoTime = nanoTime;
	}

	/** As {@link Registry#informantByAddress}. */
	public Optional<SenderMatch> informantByAddress(String address) {
		String key = TextKeys.addressKey(address);
		if (key == null || key.isEmpty()) {
			return Optional.empty();
		}
		return copy().senderByKey(key);
	}

	/** As {@link Registry#unitByNameOrAlias}. */
	public Optional<Unit> unitByNameOrAlias(String text) {
		String key = TextKeys.nameKey(text);
		if (key == null || key.isEmpty()) {
			return Optional.empty();
		}
		return copy().unitByKey(key);
	}

	/**
	 * Called by every registry writer inside its transaction, before it writes: the copy is dropped now and when
	 * the transaction ends (outside one, only now).
	 */
	void changing() {
		generation.incrementAndGet();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					generation.incrementAndGet();
				}
			});
		}
	}

	private RegistryCopy copy() {
		long now = nanoTime.getAsLong();
		Held current = held.get();
		if (current != null && current.generation() == generation.get() && now - current.readAtNanos() < ttlNanos) {
			return current.copy();
		}
		long readUnder = generation.get();
		RegistryCopy fresh = registry.copy();
		Held next = new Held(readUnder, now, fresh);
		// kept only if no change began meanwhile; a later check of the generation drops it otherwise anyway
		if (generation.get() == readUnder) {
			held.set(next);
		}
		return fresh;
	}
}
