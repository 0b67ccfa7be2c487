package org.baosong.extraction.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads embedded documents into the same text, up to a depth and a count: a chain of documents
 * nested in documents, or thousands of embedded objects, must not keep a parser busy. Macros
 * (the Office parsers hand them over as embedded resources of type MACRO) are noted, not read.
 */
final class LimitedEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {

	private final int maxDepth;

	private final int maxCount;

	private final List<String> warnings;

	private int depth;

	private int count;

	private boolean limitHit;

	private boolean macros;

	LimitedEmbeddedExtractor(ParseContext context, int maxDepth, int maxCount, List<String> warnings) {
		super(context);
		this.maxDepth = maxDepth;
		this.maxCount = maxCount;
		this.warnings = warnings;
		setWriteFileNameToContent(false);
	}

	@Override
	public boolean shouldParseEmbedded(Metadata metadata) {
		if (TikaCoreProperties.EmbeddedResourceType.MACRO.toString()
			.equals(metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_TYPE))) {
			macros = true;
			return false;
		}
		if (depth >= maxDepth) {
			limit("embedded documents nested deeper than " + maxDepth + " levels were not read");
			return false;
		}
		if (count >= maxCount) {
			limit("more than " + maxCount + " embedded documents: the rest were not read");
			return false;
		}
		count++;
		return super.shouldParseEmbedded(metadata);
	}

	@Override
	public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
			throws SAXException, IOException {
		depth++;
		try {
			super.parseEmbedded(stream, handler, metadata, outputHtml);
		}
		finally {
			depth--;
		}
	}

	private void limit(String warning) {
		if (!warnings.contains(warning)) {
			warnings.add(warning);
		}
		limitHit = true;
	}

	boolean limitHit() {
		return limitHit;
	}

	boolean macros() {
		return macros;
	}
}
