package org.baosong.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.baosong.archive.BlobStore;
import org.baosong.archive.FileSystemBlobStore;
import org.baosong.extraction.parse.ParseLimits;

/** Builds extractors over a blob store in a temporary directory, as the configuration does. */
final class Extractors {

	static final ParseLimits DEFAULT_LIMITS = new ParseLimits(2_000_000, 5, 100, 100);

	final BlobStore blobs;

	final Path dir;

	Extractors(Path dir) {
		this.dir = dir;
		try {
			this.blobs = new FileSystemBlobStore(dir.resolve("archive"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String store(byte[] bytes) {
		try {
			return blobs.store(new ByteArrayInputStream(bytes)).sha256();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String storeResource(String name) {
		try (InputStream in = Extractors.class.getResourceAsStream("documents/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no test document " + name);
			}
			return blobs.store(in).sha256();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	TextExtractor inProcess(List<String> extraParsers) {
		return new BlobTextExtractor(blobs, new InProcessBackend(extraParsers, dir.resolve("work/tmp")), DEFAULT_LIMITS,
				new DocumentAssembler(40));
	}

	TextExtractor inProcess() {
		return inProcess(List.of());
	}

	static ExtractionProperties properties(Duration timeout, Duration noProgress, String memory, List<String> extraParsers) {
		return new ExtractionProperties(ExtractionProperties.Mode.FORKED, timeout, noProgress,
				org.springframework.util.unit.DataSize.parse(memory), 2_000_000, 5, 100, 100, 40, null, extraParsers,
				new ExtractionProperties.Pool(1, 500, Duration.ofSeconds(60), List.of()),
				new ExtractionProperties.Cache(false, 0));
	}

	BlobTextExtractor forked(ForkedParserPool pool) {
		return new BlobTextExtractor(blobs, pool, DEFAULT_LIMITS, new DocumentAssembler(40));
	}
}
