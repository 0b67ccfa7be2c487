package org.baosong.extraction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hostile documents of {@link HostileFiles} (W5 of quality-bars.md) for use outside this package:
 * the benchmark (org.baosong.bench) sends them as attachments of otherwise valid reports.
 */
public final class HostileSamples {

	private HostileSamples() {
	}

	/**
	 * File name to bytes. External entities name {@code fileUrl} and {@code httpUrl}: nothing may ever read
	 * them (the benchmark passes a loopback port where nothing listens).
	 */
	public static Map<String, byte[]> documents(String fileUrl, String httpUrl) {
		var out = new LinkedHashMap<String, byte[]>();
		out.put("zip-bomb.docx", HostileFiles.zipBombDocx());
		out.put("billion-laughs.docx", HostileFiles.billionLaughsDocx());
		out.put("xxe.docx", HostileFiles.xxeDocx(fileUrl, httpUrl));
		out.put("nested-12.docx", HostileFiles.nestedDocx(12));
		out.put("macro-as-docx.docx", HostileFiles.docm());
		out.put("encrypted.docx", HostileFiles.encryptedDocx(HostileFiles.simpleDocx("加密的报告正文"), "secret"));
		out.put("encrypted.pdf", HostileFiles.encryptedPdf(HostileFiles.largePdf(1), "secret"));
		out.put("xfa-xxe.pdf", HostileFiles.xfaXxePdf(fileUrl, httpUrl));
		return out;
	}
}
