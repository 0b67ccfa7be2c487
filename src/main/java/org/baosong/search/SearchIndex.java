package org.baosong.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.common.ConfigurationError;

/**
 * The Lucene index: one writer for the life of the application and a near-real-time searcher manager
 * on it. Only what was committed is ever shown: the searchers are refreshed after each commit, never in
 * between, so a rebuild in progress (everything deleted, half added) stays invisible until it is done,
 * and the writer does not commit on close, so a rebuild cut short leaves the previous index on disk.
 */
final class SearchIndex implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	/** Commit user data: the time before the last indexed changes were read (see {@link IndexUpdater}). */
	private static final String INDEXED_THROUGH = "indexedThrough";

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final SubmissionDocuments documents;

	private final boolean createdNow;

	private SearchIndex(Directory directory, IndexWriter writer, SubmissionDocuments documents, boolean createdNow) throws IOException {
		this.directory = directory;
		this.writer = writer;
		this.documents = documents;
		this.createdNow = createdNow;
		this.searchers = new SearcherManager(writer, null);
	}

	/** Opens the index in the directory, creating it when missing and starting afresh when it is unreadable. */
	static SearchIndex open(Path path, SubmissionDocuments documents) {
		try {
			Files.createDirectories(path);
			Directory directory = FSDirectory.open(path);
			boolean existed = DirectoryReader.indexExists(directory);
			IndexWriter writer;
			try {
				writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
			}
			catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException unreadable) {
				log.warn("The search index in {} cannot be read ({}); it is created afresh and rebuilt from the database", path,
						unreadable.toString());
				writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
				existed = false;
			}
			if (!existed) {
				writer.commit(); // an empty, valid index on disk from the start
			}
			return new SearchIndex(directory, writer, documents, !existed);
		}
		catch (LockObtainFailedException locked) {
			throw new ConfigurationError("baosong.search.index-dir",
					"the search index in " + path + " is in use by another process; each node needs its own index directory", locked);
		}
		catch (IOException ex) {
			throw new ConfigurationError("baosong.search.index-dir", "cannot open the search index in " + path + ": " + ex, ex);
		}
	}

	private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
		var merges = new TieredMergePolicy();
		merges.setForceMergeDeletesPctAllowed(0);
		return new IndexWriterConfig(ChineseAnalysis.perField(SubmissionDocuments.TEXT_FIELDS.toArray(String[]::new)))
			.setOpenMode(mode)
			.setMergePolicy(merges)
			.setCommitOnClose(false)
			.setRAMBufferSizeMB(64);
	}

	/** True when there was no readable index when the application started. */
	boolean createdNow() {
		return createdNow;
	}

	void put(IndexedSubmission submission) throws IOException {
		writer.updateDocument(SubmissionDocuments.idTerm(submission.id()), documents.build(submission));
	}

	void add(Collection<IndexedSubmission> submissions) throws IOException {
		writer.addDocuments(submissions.stream().map(documents::build).toList());
	}

	void remove(long id) throws IOException {
		writer.deleteDocuments(SubmissionDocuments.idTerm(id));
	}

	/**
	 * Rewrites the segments that hold deleted documents, so that the text of a submission that was
	 * removed from the database (a purge) is gone from the disk too, not only hidden. Costly; removals
	 * are rare.
	 */
	void expungeDeleted() throws IOException {
		writer.forceMergeDeletes(true);
		// forceMergeDeletes(true) can return while its merge still runs on the scheduler's thread (seen with 9.12.3)
		if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
			merges.sync();
		}
	}

	void removeAll() throws IOException {
		writer.deleteAll();
	}

	/** Makes the changes durable and visible to searches. */
	void commit(Instant indexedThrough) throws IOException {
		writer.setLiveCommitData(Map.of(INDEXED_THROUGH, indexedThrough.toString()).entrySet());
		writer.commit();
		searchers.maybeRefreshBlocking();
	}

	/** When the changes last committed were read, or null for an index that never recorded it. */
	Instant indexedThrough() {
		var data = writer.getLiveCommitData();
		if (data == null) {
			return null;
		}
		for (var entry : data) {
			if (entry.getKey().equals(INDEXED_THROUGH)) {
				return Instant.parse(entry.getValue());
			}
		}
		return null;
	}

	/** Documents searches can see now. */
	int documentCount() {
		return withSearcher(searcher -> searcher.getIndexReader().numDocs());
	}

	<T> T withSearcher(Function<IndexSearcher, T> work) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return work.apply(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
	}
}
