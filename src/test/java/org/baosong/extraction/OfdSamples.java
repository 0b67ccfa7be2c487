package org.baosong.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * OFD packages built from valid GB/T 33190 structure: OFD.xml -> Doc_0/Document.xml -> pages'
 * Content.xml with TextObject/TextCode, a template page for the running header, as Suwell and
 * Foxit OFD writers lay them out (one TextObject per line or per phrase).
 */
final class OfdSamples {

	static final String NS = "http://www.ofdspec.org/2016";

	private OfdSamples() {
	}

	/** @param pages each page's lines; each line is written as TextObjects on one baseline, split in two halves */
	static byte[] ofd(String title, String header, List<List<String>> pages) {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("OFD.xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<ofd:OFD xmlns:ofd="%s" Version="1.0" DocType="OFD">
				  <ofd:DocBody>
				    <ofd:DocInfo><ofd:DocID>6f2f8c0d9a3b4c1e</ofd:DocID>%s<ofd:Author>办公室</ofd:Author>
				      <ofd:CreationDate>2024-05-06</ofd:CreationDate></ofd:DocInfo>
				    <ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>
				  </ofd:DocBody>
				</ofd:OFD>
				""".formatted(NS, title == null ? "" : "<ofd:Title>" + title + "</ofd:Title>"));
		StringBuilder pageList = new StringBuilder();
		for (int i = 0; i < pages.size(); i++) {
			pageList.append("<ofd:Page ID=\"").append(10 + i).append("\" BaseLoc=\"Pages/Page_").append(i)
				.append("/Content.xml\"/>");
		}
		parts.put("Doc_0/Document.xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<ofd:Document xmlns:ofd="%s">
				  <ofd:CommonData>
				    <ofd:MaxUnitID>999</ofd:MaxUnitID>
				    <ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>
				    <ofd:PublicRes>PublicRes.xml</ofd:PublicRes>
				    %s
				  </ofd:CommonData>
				  <ofd:Pages>%s</ofd:Pages>
				</ofd:Document>
				""".formatted(NS, header == null ? "" : "<ofd:TemplatePage ID=\"2\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/>",
				pageList));
		parts.put("Doc_0/PublicRes.xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<ofd:Res xmlns:ofd="%s" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>
				""".formatted(NS));
		if (header != null) {
			parts.put("Doc_0/Tpls/Tpl_0/Content.xml", content(List.of(header), false));
		}
		for (int i = 0; i < pages.size(); i++) {
			parts.put("Doc_0/Pages/Page_" + i + "/Content.xml", content(pages.get(i), header != null));
		}
		return zip(parts);
	}

	private static String content(List<String> lines, boolean template) {
		StringBuilder objects = new StringBuilder();
		int id = 100;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			int half = line.length() / 2;
			double y = 30 + i * 8;
			for (String piece : half == 0 ? List.of(line) : List.of(line.substring(0, half), line.substring(half))) {
				objects.append("<ofd:TextObject ID=\"").append(id++).append("\" Boundary=\"25 ").append(y)
					.append(" 160 8\" Font=\"3\" Size=\"5.6\"><ofd:TextCode X=\"0\" Y=\"5.6\" DeltaX=\"g ")
					.append(Math.max(0, piece.length() - 1)).append(" 5.6\">").append(escape(piece))
					.append("</ofd:TextCode></ofd:TextObject>");
			}
		}
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<ofd:Page xmlns:ofd="%s">%s<ofd:Content><ofd:Layer ID="5">%s</ofd:Layer></ofd:Content></ofd:Page>
				""".formatted(NS, template ? "<ofd:Template TemplateID=\"2\" ZOrder=\"Background\"/>" : "", objects);
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	static byte[] zip(Map<String, String> parts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (var part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}
}
