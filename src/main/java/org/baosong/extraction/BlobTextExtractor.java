package org.baosong.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.baosong.archive.BlobStore;
import org.baosong.extraction.parse.ParseLimits;
import org.baosong.extraction.parse.ParsedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the attachment from the archive, has it parsed, and assembles the result. */
final class BlobTextExtractor implements TextExtractor {

	private static final Logger log = LoggerFactory.getLogger(BlobTextExtractor.class);

	private final BlobStore blobs;

	private final ParseBackend backend;

	private final ParseLimits limits;

	private final DocumentAssembler assembler;

	BlobTextExtractor(BlobStore blobs, ParseBackend backend, ParseLimits limits, DocumentAssembler assembler) {
		this.blobs = blobs;
		this.backend = backend;
		this.limits = limits;
		this.assembler = assembler;
	}

	@Override
	public boolean applicable(String contentType) {
		return true;
	}

	@Override
	public ExtractedText extract(String sha256, String declaredType, String fileName) {
		ParsedDocument parsed;
		try {
			Optional<InputStream> blob = blobs.open(sha256);
			if (blob.isEmpty()) {
				return ExtractedText.failed(ExtractionStatus.FAILED, null, declaredType,
						List.of("attachment " + sha256 + " is not in the archive"));
			}
			try (InputStream in = blob.get()) {
				parsed = backend.parse(in, limits);
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Extraction of {} ({}) failed", sha256, fileName, ex);
			return ExtractedText.failed(ExtractionStatus.FAILED, null, declaredType,
					List.of("cannot read the attachment: " + ex.getMessage()));
		}
		ExtractedText text = assembler.assemble(parsed, declaredType);
		if (text.status() != ExtractionStatus.OK || !text.warnings().isEmpty()) {
			log.info("Extraction of {} ({}, declared {}, detected {}): {} {}", sha256, fileName, declaredType,
					text.detectedType(), text.status(), text.warnings());
		}
		return text;
	}
}
