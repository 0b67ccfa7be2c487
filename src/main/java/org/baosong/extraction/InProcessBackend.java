package org.baosong.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.baosong.extraction.parse.ParseLimits;
import org.baosong.extraction.parse.ParsedDocument;
import org.baosong.extraction.parse.TikaDocumentParser;

/**
 * Parses in the gateway's JVM: no process start-up, but no protection either. A parser that
 * hangs keeps its thread, one that exhausts the heap takes the gateway down. For tiny
 * deployments and tests only; the timeouts of the forked mode do not apply.
 */
final class InProcessBackend implements ParseBackend {

	private final TikaDocumentParser parser;

	private final Path scratch;

	InProcessBackend(List<String> extraParsers, Path scratch) {
		this.parser = new TikaDocumentParser(extraParsers);
		this.scratch = scratch;
	}

	@Override
	public ParsedDocument parse(InputStream content, ParseLimits limits) {
		try (TemporaryResources tmp = new TemporaryResources()) {
			java.nio.file.Files.createDirectories(scratch);
			tmp.setTemporaryFileDirectory(scratch);
			return parser.parse(TikaInputStream.get(content, tmp, new Metadata()), limits, new AtomicLong());
		}
		catch (IOException ex) {
			return ParsedDocument.failure(org.baosong.extraction.ExtractionStatus.FAILED, null,
					"cannot read the attachment: " + ex.getMessage());
		}
	}

	@Override
	public void close() {
	}
}
