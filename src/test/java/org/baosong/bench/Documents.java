package org.baosong.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The report documents of the workloads, made here so that their making is visible: a docx (OOXML written
 * directly), a text PDF (PDFBox), a Word 97 doc (POI HWPF, from one of the test documents as template)
 * and an RTF. Each holds the given title and text; {@code size} is reached with an incompressible picture
 * (or, in the doc, an extra stream), as the photos and fonts of real office files make their size.
 */
final class Documents {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String PDF = "application/pdf";

	static final String DOC = "application/msword";

	static final String RTF = "application/rtf";

	/** A CJK font for text PDFs where the machine has one (Debian: fonts-wqy-microhei); else the PDF text is ASCII. */
	static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

	private static final Path DOC_TEMPLATE = Path.of("src/test/resources/org/baosong/extraction/documents/report2.doc");

	private static TrueTypeFont cjk;

	private static boolean cjkLooked;

	private Documents() {
	}

	// ---- docx ----

	static byte[] docx(String title, String text, int size, SplittableRandom r) {
		var body = new StringBuilder("<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>").append(xml(title)).append("</w:t></w:r></w:p>");
		for (String paragraph : text.split("\n")) {
			body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(xml(paragraph)).append("</w:t></w:r></w:p>");
		}
		String document = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s<w:sectPr/></w:body></w:document>"""
			.formatted(body);
		String types = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
				<Default Extension="xml" ContentType="application/xml"/>
				<Default Extension="jpeg" ContentType="image/jpeg"/>
				<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
				</Types>""";
		String rels = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
				<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
				</Relationships>""";
		String documentRels = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
				<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.jpeg"/>
				</Relationships>""";
		var bytes = new ByteArrayOutputStream(size + 4096);
		try (var zip = new ZipOutputStream(bytes)) {
			deflated(zip, "[Content_Types].xml", types);
			deflated(zip, "_rels/.rels", rels);
			deflated(zip, "word/document.xml", document);
			deflated(zip, "word/_rels/document.xml.rels", documentRels);
			zip.flush();
			int picture = Math.max(1024, size - bytes.size() - 200);
			stored(zip, "word/media/image1.jpeg", jpegLike(picture, r));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void deflated(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
		var entry = new ZipEntry(name);
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(content.length);
		var crc = new CRC32();
		crc.update(content);
		entry.setCrc(crc.getValue());
		zip.putNextEntry(entry);
		zip.write(content);
		zip.closeEntry();
	}

	/** A JPEG's first bytes, then noise: incompressible, as photos are; no parser decodes it. */
	static byte[] jpegLike(int size, SplittableRandom r) {
		byte[] out = noise(size, r);
		byte[] head = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0 };
		System.arraycopy(head, 0, out, 0, Math.min(head.length, size));
		return out;
	}

	static byte[] noise(int size, SplittableRandom r) {
		byte[] out = new byte[size];
		for (int i = 0; i < size; i += 8) {
			long v = r.nextLong();
			for (int j = 0; j < 8 && i + j < size; j++) {
				out[i + j] = (byte) (v >>> (8 * j));
			}
		}
		return out;
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	// ---- pdf ----

	/** True when the text PDFs carry Chinese text (a CJK font is installed); false: ASCII transliteration. */
	static synchronized boolean chinesePdf() {
		return cjkFont() != null;
	}

	private static synchronized TrueTypeFont cjkFont() {
		if (!cjkLooked) {
			cjkLooked = true;
			if (Files.isReadable(CJK_FONT)) {
				try {
					var collection = new TrueTypeCollection(CJK_FONT.toFile());
					cjk = collection.getFontByName("WenQuanYiMicroHei");
				}
				catch (IOException ex) {
					cjk = null;
				}
			}
		}
		return cjk;
	}

	static byte[] pdf(String title, String text, int size, SplittableRandom r) {
		try (var doc = new PDDocument()) {
			TrueTypeFont ttf = cjkFont();
			PDFont font;
			synchronized (Documents.class) {
				font = ttf != null ? PDType0Font.load(doc, ttf, true) : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			}
			var lines = new ArrayList<String>();
			lines.add(ttf != null ? title : ascii(title));
			for (String paragraph : text.split("\n")) {
				String p = ttf != null ? paragraph : ascii(paragraph);
				int per = ttf != null ? 32 : 80;
				for (int i = 0; i < p.length(); i += per) {
					lines.add(p.substring(i, Math.min(p.length(), i + per)));
				}
			}
			int perPage = 40;
			PDImageXObject picture = null;
			for (int first = 0; first < lines.size(); first += perPage) {
				var page = new PDPage(PDRectangle.A4);
				doc.addPage(page);
				try (var content = new PDPageContentStream(doc, page)) {
					if (first == 0) {
						picture = picture(doc, Math.max(1024, size - 40_000 - 60 * text.length()), r);
						content.drawImage(picture, 400, 700, 120, 90);
					}
					content.beginText();
					content.setFont(font, 14);
					content.setLeading(18);
					content.newLineAtOffset(60, 780);
					for (String line : lines.subList(first, Math.min(lines.size(), first + perPage))) {
						content.showText(line);
						content.newLine();
					}
					content.endText();
				}
			}
			var out = new ByteArrayOutputStream(size + 65536);
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An uncompressed grey picture of noise of about {@code bytes} bytes (a scanned figure). */
	private static PDImageXObject picture(PDDocument doc, int bytes, SplittableRandom r) throws IOException {
		int side = Math.max(16, (int) Math.sqrt(bytes));
		var raw = new PDStream(doc, new ByteArrayInputStream(noise(side * side, r)));
		raw.getCOSObject().setItem(COSName.TYPE, COSName.XOBJECT);
		raw.getCOSObject().setItem(COSName.SUBTYPE, COSName.IMAGE);
		raw.getCOSObject().setInt(COSName.WIDTH, side);
		raw.getCOSObject().setInt(COSName.HEIGHT, side);
		raw.getCOSObject().setInt(COSName.BITS_PER_COMPONENT, 8);
		raw.getCOSObject().setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
		return new PDImageXObject(raw, null);
	}

	/** Where no CJK font is installed: each Chinese character as its code point, so texts stay distinct. */
	static String ascii(String text) {
		var out = new StringBuilder();
		text.codePoints().forEach(cp -> {
			if (cp < 128) {
				out.appendCodePoint(cp);
			}
			else {
				out.append('u').append(Integer.toHexString(cp)).append(' ');
			}
		});
		return out.toString();
	}

	// ---- doc ----

	/** A Word 97 document: the template's title and body paragraphs replaced; its size reached with an extra stream. */
	static byte[] doc(String title, String text, int size, SplittableRandom r) {
		try {
			var document = new HWPFDocument(new ByteArrayInputStream(Files.readAllBytes(DOC_TEMPLATE)));
			var range = document.getRange();
			List<Integer> textParagraphs = new ArrayList<>();
			for (int i = 0; i < range.numParagraphs(); i++) {
				if (range.getParagraph(i).text().strip().length() > 5) {
					textParagraphs.add(i);
				}
			}
			// from the last, so that replacing one does not move the others
			for (int k = textParagraphs.size() - 1; k >= 0; k--) {
				var paragraph = range.getParagraph(textParagraphs.get(k));
				String old = paragraph.text();
				String now = k == 0 ? title : k == 1 ? text.replace('\n', '\r') : "";
				paragraph.replaceText(old.substring(0, old.length() - 1), now);
			}
			var written = new ByteArrayOutputStream();
			document.write(written);
			try (var fs = new POIFSFileSystem(new ByteArrayInputStream(written.toByteArray()))) {
				int padding = size - written.size();
				if (padding > 512) {
					fs.getRoot().createDocument("BaosongBenchPadding", new ByteArrayInputStream(noise(padding, r)));
				}
				var out = new ByteArrayOutputStream(Math.max(size, written.size()) + 8192);
				fs.writeFilesystem(out);
				return out.toByteArray();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---- rtf ----

	static byte[] rtf(String title, String text, int size, SplittableRandom r) {
		var out = new StringBuilder("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\uc1\n");
		out.append("\\pard\\b ").append(rtfText(title)).append("\\b0\\par\n");
		for (String paragraph : text.split("\n")) {
			out.append("\\pard ").append(rtfText(paragraph)).append("\\par\n");
		}
		int padding = (size - out.length() - 16) / 2;
		if (padding > 0) {
			// an ignorable destination, as readers skip unknown \* groups: the size of an embedded picture
			out.append("{\\*\\baosongbenchpadding ");
			byte[] noise = noise(padding, r);
			for (byte b : noise) {
				out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
			}
			out.append("}\n");
		}
		out.append("}");
		return out.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static String rtfText(String text) {
		var out = new StringBuilder();
		text.codePoints().forEach(cp -> {
			if (cp == '\\' || cp == '{' || cp == '}') {
				out.append('\\').appendCodePoint(cp);
			}
			else if (cp < 128) {
				out.appendCodePoint(cp);
			}
			else {
				out.append("\\u").append(cp > 32767 ? cp - 65536 : cp).append('?');
			}
		});
		return out.toString();
	}
}
