package org.baosong.extraction;

import java.util.List;

import org.baosong.extraction.parse.DocumentTypes;

/**
 * Spares a parser process for attachments that say they are not documents (images, archives,
 * executables). Whatever passes is still judged by its content: a .doc that is really an
 * executable comes back UNSUPPORTED from detection.
 */
final class TypeFilteringTextExtractor implements TextExtractor {

	private final TextExtractor delegate;

	TypeFilteringTextExtractor(TextExtractor delegate) {
		this.delegate = delegate;
	}

	@Override
	public boolean applicable(String contentType) {
		return DocumentTypes.worthParsing(contentType);
	}

	@Override
	public ExtractedText extract(String sha256, String declaredType, String fileName) {
		if (!applicable(declaredType)) {
			return ExtractedText.failed(ExtractionStatus.UNSUPPORTED, null, declaredType,
					List.of("declared type " + declaredType + " is not a document type we read"));
		}
		return delegate.extract(sha256, declaredType, fileName);
	}
}
