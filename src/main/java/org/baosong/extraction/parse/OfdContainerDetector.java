package org.baosong.extraction.parse;

import java.io.IOException;
import java.io.InputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.tika.detect.zip.StreamingDetectContext;
import org.apache.tika.detect.zip.ZipContainerDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.mime.MediaType;

/**
 * Tells an OFD package from other zip files by its {@code OFD.xml} entry point at the root, the
 * way Tika tells docx or odt apart. Registered through META-INF/services, so Tika's zip container
 * detection reports {@code application/ofd} whatever the file is called.
 */
public class OfdContainerDetector implements ZipContainerDetector {

	private static final long serialVersionUID = 1L;

	private static final String ENTRY_POINT = "OFD.xml";

	@Override
	public MediaType detect(ZipFile zipFile, TikaInputStream tis) throws IOException {
		return zipFile.getEntry(ENTRY_POINT) != null ? OfdParser.OFD : null;
	}

	@Override
	public MediaType streamingDetectUpdate(ZipArchiveEntry entry, InputStream in, StreamingDetectContext context) {
		return ENTRY_POINT.equals(entry.getName()) ? OfdParser.OFD : null;
	}

	@Override
	public MediaType streamingDetectFinal(StreamingDetectContext context) {
		return null;
	}
}
