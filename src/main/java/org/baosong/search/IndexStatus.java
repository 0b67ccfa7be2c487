package org.baosong.search;

import java.time.Instant;

/**
 * What the index holds and does now.
 *
 * @param documents        submissions searches can see
 * @param pending          changes not indexed yet
 * @param rebuilding       a rebuild is running (searches see the index as it was before it)
 * @param rebuildDone      submissions indexed so far by the running (or the last) rebuild
 * @param rebuildTotal     submissions to index in it
 * @param lastRebuildAt    when the last rebuild finished, null when none finished since start
 * @param lastError        the last indexing failure, null after a success (failed work is retried)
 */
public record IndexStatus(long documents, int pending, boolean rebuilding, long rebuildDone, long rebuildTotal, Instant lastRebuildAt,
		String lastError) {
}
