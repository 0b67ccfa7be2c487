package org.baosong.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Two small documents, a docx and a PDF, that a parser process reads once before it takes over from its
 * predecessor: the first file of each kind in a fresh process loads that parser's classes (POI, PDFBox)
 * and cost a second or more, which a report then waited for (docs/PERFORMANCE.md, D8, D9).
 */
final class WarmUpDocuments {

	private static volatile List<byte[]> documents;

	private WarmUpDocuments() {
	}

	static List<byte[]> all() throws IOException {
		List<byte[]> made = documents;
		if (made == null) {
			made = List.of(docx(), pdf());
			documents = made;
		}
		return made;
	}

	private static byte[] docx() throws IOException {
		try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText("预热文档：解析进程启动后先读这一页。");
			document.write(out);
			return out.toByteArray();
		}
	}

	/**
	 * A one-page PDF written out by hand (PDFBox's writer would look for a system font to stand in for
	 * Helvetica, which costs seconds in the gateway the first time).
	 */
	static byte[] pdf() {
		String text = "BT /F1 12 Tf 72 700 Td (A page a new parser process reads before its first report.) Tj ET";
		List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
		var pdf = new StringBuilder("%PDF-1.4\n");
		var offsets = new java.util.ArrayList<Integer>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(pdf.length());
			pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
		for (int offset : offsets) {
			pdf.append(String.format("%010d 00000 n \n", offset));
		}
		pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
		return pdf.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}
}
