package org.baosong.extraction.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.tika.io.TikaInputStream;

/**
 * Reads a zip container's directory before any parser inflates it (docx, dotx, odt, ofd): an
 * entry that claims to inflate more than the ratio allows, or entries that add up to more than
 * a report can hold, stop the file. POI's own guard (ZipSecureFile) watches the actual bytes as
 * they inflate, for directories that lie; the heap cap of the parser process is the last line.
 */
final class ZipBombGuard {

	/** Entries smaller than this are not judged by ratio: tiny XML parts compress very well. */
	private static final long GRACE = 1024 * 1024;

	/** A report's parts together: far beyond any real document. */
	private static final long MAX_TOTAL = 1024L * 1024 * 1024;

	private ZipBombGuard() {
	}

	/** @return why the file is a bomb, or null */
	static String check(TikaInputStream tis, int maxRatio) throws IOException {
		if (!startsWithZipMagic(tis)) {
			return null;
		}
		long total = 0;
		try (ZipFile zip = ZipFile.builder().setPath(tis.getPath()).get()) {
			for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements();) {
				ZipArchiveEntry entry = entries.nextElement();
				long size = entry.getSize();
				long compressed = Math.max(1, entry.getCompressedSize());
				if (size > GRACE && size / compressed > maxRatio) {
					return entry.getName() + " inflates " + size / compressed + " times (limit " + maxRatio + ")";
				}
				total += Math.max(0, size);
				if (total > MAX_TOTAL) {
					return "entries add up to more than " + MAX_TOTAL / (1024 * 1024) + " MB";
				}
			}
		}
		catch (IOException damaged) {
			return null; // not for us to judge: the parser will report the damage
		}
		return null;
	}

	private static boolean startsWithZipMagic(InputStream in) throws IOException {
		in.mark(4);
		try {
			byte[] head = in.readNBytes(4);
			return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
		}
		finally {
			in.reset();
		}
	}
}
