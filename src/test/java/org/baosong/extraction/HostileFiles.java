package org.baosong.extraction;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDXFAResource;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The hostile corpus of quality-bars.md (W5), built in the test so that its making is visible. Public: the
 * hostile-input suite (org.baosong.chaos.HostileMailTest) mails the same files through the whole gateway.
 */
public final class HostileFiles {

	public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private HostileFiles() {
	}

	/** A minimal valid docx around the given document.xml body, plus extra parts and relationships. */
	public static byte[] docx(String documentXml, Map<String, byte[]> extraParts, String extraRels, String mainType) {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml", ("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
				<Default Extension="xml" ContentType="application/xml"/>
				<Default Extension="docx" ContentType="%s"/>
				<Override PartName="/word/document.xml" ContentType="%s"/>
				</Types>""".formatted(DOCX, mainType)).getBytes(StandardCharsets.UTF_8));
		parts.put("_rels/.rels", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
				<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
				</Relationships>""".getBytes(StandardCharsets.UTF_8));
		parts.put("word/_rels/document.xml.rels", ("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>"""
			.formatted(extraRels)).getBytes(StandardCharsets.UTF_8));
		parts.put("word/document.xml", documentXml.getBytes(StandardCharsets.UTF_8));
		parts.putAll(extraParts);
		return zip(parts);
	}

	public static String document(String prolog, String bodyText) {
		return prolog + """
				<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
				<w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>""".formatted(bodyText);
	}

	public static byte[] simpleDocx(String text) {
		return docx(document("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", text), Map.of(), "",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
	}

	/** document.xml inflates from well under a megabyte to 200 million characters. */
	public static byte[] zipBombDocx() {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		byte[] docx = simpleDocx("x");
		// rebuild with a huge document.xml, streamed into the zip so the test itself stays small
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes);
				java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(docx))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				zip.putNextEntry(new ZipEntry(e.getName()));
				if (e.getName().equals("word/document.xml")) {
					zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
						.getBytes(StandardCharsets.UTF_8));
					byte[] block = new byte[1 << 20];
					java.util.Arrays.fill(block, (byte) 'A');
					for (int i = 0; i < 200; i++) {
						zip.write(block);
					}
					zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
				}
				else {
					in.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		parts.clear();
		return bytes.toByteArray();
	}

	public static byte[] billionLaughsDocx() {
		StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [\n<!ENTITY lol \"lol\">\n");
		for (int i = 1; i <= 9; i++) {
			String prev = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
			dtd.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">\n");
		}
		dtd.append("]>\n");
		return docx(document(dtd.toString(), "&lol9;"), Map.of(), "",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
	}

	/** External entities naming a file outside the data directory and a local web server. */
	public static byte[] xxeDocx(String fileUrl, String httpUrl) {
		String dtd = """
				<?xml version="1.0"?>
				<!DOCTYPE w:document [<!ENTITY file SYSTEM "%s"><!ENTITY web SYSTEM "%s">]>
				""".formatted(fileUrl, httpUrl);
		return docx(document(dtd, "报告正文&file;&web;"), Map.of(), "",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
	}

	/** A docx holding a docx holding a docx ..., {@code depth} levels, each saying which level it is. */
	public static byte[] nestedDocx(int depth) {
		byte[] inner = simpleDocx("第" + depth + "层");
		for (int level = depth - 1; level >= 1; level--) {
			inner = docx(document("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "第" + level + "层"),
					Map.of("word/embeddings/inner.docx", inner),
					"<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\" Target=\"embeddings/inner.docx\"/>",
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
		}
		return inner;
	}

	/** A macro-enabled Word document (docm) by its content type, whatever it is called. */
	public static byte[] docm() {
		return docx(document("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "宏文档"), Map.of(), "",
				"application/vnd.ms-word.document.macroEnabled.main+xml");
	}

	public static byte[] encryptedDocx(byte[] docx, String password) {
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
			Encryptor encryptor = info.getEncryptor();
			encryptor.confirmPassword(password);
			try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(docx));
					OutputStream os = encryptor.getDataStream(fs)) {
				opc.save(os);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static byte[] encryptedPdf(byte[] pdf, String userPassword) {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword,
					new AccessPermission());
			policy.setEncryptionKeyLength(128);
			doc.protect(policy);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A text PDF whose XFA form carries external entities. */
	public static byte[] xfaXxePdf(String fileUrl, String httpUrl) {
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage();
			doc.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				content.newLineAtOffset(72, 700);
				content.showText("XFA form report");
				content.endText();
			}
			String xfa = """
					<?xml version="1.0"?>
					<!DOCTYPE xdp [<!ENTITY file SYSTEM "%s"><!ENTITY web SYSTEM "%s">]>
					<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template xmlns="http://www.xfa.org/schema/xfa-template/3.3/">
					<subform name="form1"><field name="f1"><caption><value><text>&file;&web;</text></value></caption></field></subform>
					</template><xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data><form1><f1>&file;&web;</f1></form1></xfa:data></xfa:datasets></xdp:xdp>
					""".formatted(fileUrl, httpUrl);
			PDStream stream = new PDStream(doc, new ByteArrayInputStream(xfa.getBytes(StandardCharsets.UTF_8)));
			PDAcroForm form = new PDAcroForm(doc);
			doc.getDocumentCatalog().setAcroForm(form);
			form.setXFA(new PDXFAResource(stream.getCOSObject()));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** About {@code megabytes} of PDF: a few text pages and an incompressible image the parser must not load. */
	public static byte[] largePdf(int megabytes) {
		try (PDDocument doc = new PDDocument()) {
			int side = (int) Math.sqrt(megabytes * 1024.0 * 1024.0);
			byte[] noise = new byte[side * side];
			new Random(42).nextBytes(noise);
			PDStream raw = new PDStream(doc, new ByteArrayInputStream(noise));
			raw.getCOSObject().setItem(COSName.TYPE, COSName.XOBJECT);
			raw.getCOSObject().setItem(COSName.SUBTYPE, COSName.IMAGE);
			raw.getCOSObject().setInt(COSName.WIDTH, side);
			raw.getCOSObject().setInt(COSName.HEIGHT, side);
			raw.getCOSObject().setInt(COSName.BITS_PER_COMPONENT, 8);
			raw.getCOSObject().setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
			PDImageXObject image = new PDImageXObject(raw, null);
			for (int i = 1; i <= 10; i++) {
				PDPage page = new PDPage();
				doc.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
					if (i == 1) {
						content.drawImage(image, 0, 0, 100, 100);
					}
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
					content.newLineAtOffset(72, 700);
					content.showText("Large report page " + i + " with a scanned figure");
					content.endText();
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(megabytes * 1024 * 1024 + 1024 * 1024);
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] zip(Map<String, byte[]> parts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (var part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	public static byte[] resource(String name) {
		try (InputStream in = HostileFiles.class.getResourceAsStream("documents/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
