package org.baosong.extraction.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.zip.CRC32;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.io.TikaInputStream;

/**
 * Tika names an Office file whose kind it cannot tell by a generic container type: an OOXML package
 * ({@code application/x-tika-ooxml}) or an OLE2 compound file ({@code application/x-tika-msoffice}).
 * That is either a damaged document (a .docx cut short in transit, a .doc with broken sectors) or an
 * intact file of a kind we do not read. This tells the two apart by reading the container itself:
 * damaged is EXTRACTION_FAILED, intact but unknown stays UNSUPPORTED.
 */
final class DamagedContainers {

	static final String OOXML = "application/x-tika-ooxml";

	static final String OLE2 = "application/x-tika-msoffice";

	/** Bytes inflated at most while checking a package: a report's parts are far smaller. */
	private static final long INFLATE_BUDGET = 64L * 1024 * 1024;

	private DamagedContainers() {
	}

	/** @return what is damaged, or null when the container reads (or the type is not a generic container) */
	static String damage(TikaInputStream tis, String detected) {
		try {
			return switch (DocumentTypes.base(detected)) {
				case OOXML -> zipDamage(tis);
				case OLE2 -> ole2Damage(tis);
				default -> null;
			};
		}
		catch (IOException ex) {
			return "cannot be read: " + TikaDocumentParser.describe(ex);
		}
	}

	private static String zipDamage(TikaInputStream tis) throws IOException {
		ZipFile zip;
		try {
			zip = ZipFile.builder().setPath(tis.getPath()).get();
		}
		catch (IOException ex) {
			return "the zip directory cannot be read (file cut short?): " + TikaDocumentParser.describe(ex);
		}
		long budget = INFLATE_BUDGET;
		byte[] buffer = new byte[8192];
		try (zip) {
			for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements();) {
				ZipArchiveEntry entry = entries.nextElement();
				if (entry.isDirectory()) {
					continue;
				}
				CRC32 crc = new CRC32();
				try (InputStream in = zip.getInputStream(entry)) {
					if (in == null) {
						return "part " + entry.getName() + " cannot be read";
					}
					for (int n; (n = in.read(buffer)) > 0;) {
						crc.update(buffer, 0, n);
						budget -= n;
						if (budget < 0) {
							return null; // not judged: larger than any report, left to the parsers' limits
						}
					}
				}
				catch (IOException | RuntimeException ex) {
					return "part " + entry.getName() + " cannot be read: " + TikaDocumentParser.describe(ex);
				}
				if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
					return "part " + entry.getName() + " fails its checksum";
				}
			}
		}
		return null;
	}

	private static String ole2Damage(TikaInputStream tis) throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem(tis.getFile(), true)) {
			Deque<DirectoryEntry> directories = new ArrayDeque<>();
			directories.push(fs.getRoot());
			byte[] buffer = new byte[8192];
			while (!directories.isEmpty()) {
				for (Entry entry : directories.pop()) {
					if (entry instanceof DirectoryEntry directory) {
						directories.push(directory);
					}
					else if (entry instanceof DocumentEntry document) {
						try (InputStream in = new DocumentInputStream(document)) {
							while (in.read(buffer) > 0) {
								// reading every sector of every stream finds the ones past the end of the file
							}
						}
					}
				}
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return "the compound file cannot be read (file cut short?): " + TikaDocumentParser.describe(ex);
		}
	}
}
