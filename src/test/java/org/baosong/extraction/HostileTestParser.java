package org.baosong.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.txt.TXTParser;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * A parser that misbehaves on command, like Tika's MockParser: plain text whose first line is
 * HANG loops forever, SLOW writes a little and then waits forever without using the CPU (a parser
 * stuck on I/O or a lock), CRASH kills its JVM, OOM fills the heap. Other text goes to Tika's
 * TXTParser. Loaded into parser processes through {@code baosong.extraction.extra-parsers} (the
 * rules corpus's EXTRACTION_TIMEOUT message is a SLOW text file).
 */
public class HostileTestParser implements Parser {

	private static final long serialVersionUID = 1L;

	@Override
	public Set<MediaType> getSupportedTypes(ParseContext context) {
		return Set.of(MediaType.TEXT_PLAIN);
	}

	@Override
	public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
			throws IOException, SAXException, TikaException {
		stream.mark(16);
		String head = new String(stream.readNBytes(8), StandardCharsets.US_ASCII);
		stream.reset();
		if (head.startsWith("HANG")) {
			long spin = 0;
			while (true) {
				spin++;
				if (spin == Long.MAX_VALUE) {
					break;
				}
			}
		}
		if (head.startsWith("SLOW")) {
			char[] some = "正在读取".toCharArray();
			handler.startDocument();
			handler.characters(some, 0, some.length);
			while (true) {
				java.util.concurrent.locks.LockSupport.park(this);
			}
		}
		if (head.startsWith("CRASH")) {
			Runtime.getRuntime().halt(7);
		}
		if (head.startsWith("OOM")) {
			List<long[]> hog = new ArrayList<>();
			while (true) {
				hog.add(new long[1 << 20]);
			}
		}
		new TXTParser().parse(stream, handler, metadata, context);
	}
}
