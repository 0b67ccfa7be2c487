package org.baosong.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Content-addressed storage for raw messages and attachments: a blob's name is the SHA-256 of its
 * bytes. Storing the same bytes twice stores them once. Implementations write atomically: a blob
 * either exists complete and durable (on disk, synced) or not at all.
 */
public interface BlobStore {

	/**
	 * Reads the stream to its end and stores it. Nothing is kept in memory beyond a buffer.
	 * @return the SHA-256 (lower-case hex) and the size
	 */
	StoredBlob store(InputStream content) throws IOException;

	/** Opens a stored blob, or empty when there is none by that name. */
	Optional<InputStream> open(String sha256) throws IOException;

	boolean exists(String sha256);

	/** Removes a blob for good (the classified-marking purge); true when there was one. */
	boolean delete(String sha256) throws IOException;

	record StoredBlob(String sha256, long size) {
	}
}
