package org.baosong.extraction;

import java.io.InputStream;

import org.baosong.extraction.parse.ParseLimits;
import org.baosong.extraction.parse.ParsedDocument;

/** Where parsing happens: forked parser processes (default) or the gateway's own JVM. */
interface ParseBackend extends AutoCloseable {

	/** Never throws for a bad file; a timeout or a crashed parser comes back as a status. */
	ParsedDocument parse(InputStream content, ParseLimits limits);

	@Override
	void close();
}
