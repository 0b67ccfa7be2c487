package org.baosong.chaos;

import static org.baosong.chaos.ChaosCorpus.base64;
import static org.baosong.chaos.ChaosCorpus.encoded;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.baosong.extraction.HostileFiles;

/**
 * The hostile corpus mailed through the whole gateway (spec/quality-bars.md, W5): MIME torture messages
 * written here in the spirit of the public torture tests (none copied), and the hostile documents of the
 * extraction tests ({@link HostileFiles}) attached to otherwise correct reports. Every message comes from
 * a registered informant (番禺区's, of the demo registry) with a correct subject, so that what decides its
 * outcome is the hostile part. Each is built deterministically and says how it must end.
 */
public final class TortureMail {

	static final String FROM = "xxb.d07@demo.baosong.test";

	static final String NAME = "黄涛";

	static final String PHONE = "13800047514";

	/**
	 * @param name    what it is
	 * @param outcome the outcome it must end with
	 * @param reason  a reason code the outcome must carry
	 * @param why     why that outcome (for the report)
	 */
	public record Case(String name, byte[] raw, String messageId, String outcome, String reason, String why) {
	}

	private final LocalDate today;

	private final String to;

	public TortureMail(String to, LocalDate today) {
		this.to = to;
		this.today = today;
	}

	/** The MIME torture messages. */
	public List<Case> mimeTorture() {
		var cases = new ArrayList<Case>();
		cases.add(deepNesting(150));
		cases.add(manyParts(100_000));
		cases.add(manyHeaders(10_000));
		cases.add(longHeaderLine(1 << 20));
		cases.add(foldedMegabyteHeader());
		cases.add(truncatedBase64Attachment());
		cases.add(truncatedBase64Body());
		cases.add(wrongBoundary());
		cases.add(missingBoundary());
		cases.add(unterminatedMultipart());
		cases.add(garbageInHeaders());
		cases.add(brokenEncodedWords());
		cases.add(headersOnly());
		cases.add(binaryNoise());
		return cases;
	}

	/** The hostile documents of the extraction tests, each attached to a correct report. */
	public List<Case> hostileAttachments(String canaryFileUrl, String canaryHttpUrl) {
		var cases = new ArrayList<Case>();
		cases.add(attached("zip-bomb-docx", "报告.docx", HostileFiles.DOCX, HostileFiles.zipBombDocx(), "QUARANTINED", "EXTRACTION_FAILED",
				"200 MB document.xml in a small zip: refused before inflating (zip bomb suspected); unread, so the classified check fails closed"));
		cases.add(attached("billion-laughs-docx", "报告.docx", HostileFiles.DOCX, HostileFiles.billionLaughsDocx(), "QUARANTINED",
				"EXTRACTION_FAILED", "a DOCTYPE with nested entities: the XML parser refuses DOCTYPEs, nothing expands"));
		cases.add(attached("xxe-docx", "报告.docx", HostileFiles.DOCX, HostileFiles.xxeDocx(canaryFileUrl, canaryHttpUrl), "QUARANTINED",
				"EXTRACTION_FAILED", "external entities naming a file and a local web server: refused, neither is read"));
		cases.add(attached("xxe-xfa-pdf", "报告.pdf", "application/pdf", HostileFiles.xfaXxePdf(canaryFileUrl, canaryHttpUrl), "ACCEPTED",
				null, "the page's text is read; the XFA form's entities are not resolved"));
		cases.add(attached("encrypted-docx", "报告.docx", HostileFiles.DOCX,
				HostileFiles.encryptedDocx(HostileFiles.simpleDocx("番禺区加密的报告"), "secret"), "QUARANTINED", "ENCRYPTED_ATTACHMENT",
				"an agile-encrypted docx cannot be read: the classified check fails closed"));
		cases.add(attached("encrypted-pdf", "报告.pdf", "application/pdf",
				HostileFiles.encryptedPdf(HostileFiles.resource("report1.pdf"), "secret"), "QUARANTINED", "ENCRYPTED_ATTACHMENT",
				"a PDF with a user password cannot be read"));
		cases.add(attached("nested-docx-30", "报告.docx", HostileFiles.DOCX, HostileFiles.nestedDocx(30), "QUARANTINED",
				"EXTRACTION_FAILED", "embedded documents are read 5 levels deep, the rest is not: incomplete, fails closed"));
		cases.add(attached("hanging-parser", "报告.txt", "text/plain",
				("HANG\n" + "番禺区的报告正文。".repeat(20)).getBytes(StandardCharsets.UTF_8), "QUARANTINED", "EXTRACTION_TIMEOUT",
				"a parser that loops forever (the test parser on HANG): killed when its text stops growing"));
		return cases;
	}

	/** A correct body-only report, to show the gateway still serves after the hostile ones. */
	public Case normalReport(String name) {
		String body = ChaosCorpus.paragraphs(new Random(name.hashCode())) + sign();
		return new Case("normal-" + name, message("normal-" + name, "Content-Type: text/plain; charset=UTF-8\r\n"
				+ "Content-Transfer-Encoding: base64\r\n", base64(utf8(body))), "<torture-normal-" + name + "@units.test>", "ACCEPTED", null,
				"a correct report after the hostile ones");
	}

	// ---- the MIME torture messages ----

	Case deepNesting(int levels) {
		var body = new StringBuilder();
		for (int level = 1; level < levels; level++) {
			body.append("--n").append(level).append("\r\nContent-Type: multipart/mixed; boundary=\"n").append(level + 1).append("\"\r\n\r\n");
		}
		body.append("--n").append(levels).append("\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n最里层\r\n");
		for (int level = levels; level >= 1; level--) {
			body.append("--n").append(level).append("--\r\n");
		}
		return torture("deep-nesting-" + levels, "Content-Type: multipart/mixed; boundary=\"n1\"\r\n", body.toString(), "QUARANTINED",
				"PARSE_FAILED", levels + " levels of multipart, over the limit of 30: refused while parsing, nothing recursed into");
	}

	Case manyParts(int parts) {
		var body = new StringBuilder(parts * 40);
		for (int i = 0; i < parts; i++) {
			body.append("--p\r\nContent-Type: text/plain\r\n\r\n").append(i).append("\r\n");
		}
		body.append("--p--\r\n");
		return torture("parts-" + parts, "Content-Type: multipart/mixed; boundary=\"p\"\r\n", body.toString(), "QUARANTINED", "PARSE_FAILED",
				parts + " parts, over the limit of 1,000: refused while parsing");
	}

	Case manyHeaders(int count) {
		var headers = new StringBuilder();
		for (int i = 0; i < count; i++) {
			headers.append("X-Torture-").append(i).append(": ").append(i).append("\r\n");
		}
		return torture("headers-" + count, headers + "Content-Type: text/plain; charset=UTF-8\r\n", reportBody("headers"), "QUARANTINED",
				"PARSE_FAILED", count + " header fields, over the limit of 1,000");
	}

	Case longHeaderLine(int length) {
		return torture("header-line-1mb", "X-Torture: " + "a".repeat(length - 12) + "\r\nContent-Type: text/plain; charset=UTF-8\r\n",
				reportBody("header-line"), "QUARANTINED", "PARSE_FAILED", "one header line of 1 MB, over the header limit of 100,000 characters");
	}

	Case foldedMegabyteHeader() {
		var header = new StringBuilder("X-Folded: start");
		while (header.length() < 1 << 20) {
			header.append("\r\n ").append("b".repeat(74));
		}
		return torture("folded-header-1mb", header + "\r\nContent-Type: text/plain; charset=UTF-8\r\n", reportBody("folded"), "QUARANTINED",
				"PARSE_FAILED", "one header of 1 MB folded over 14,000 lines");
	}

	Case truncatedBase64Attachment() {
		String docx = base64(ChaosCorpus.docx(title("截断附件"), "番禺区的报告正文。".repeat(40) + sign()));
		String cut = docx.substring(0, docx.length() / 2 - 3);
		return torture("truncated-base64-docx", "Content-Type: multipart/mixed; boundary=\"t\"\r\n", "--t\r\nContent-Type: text/plain; "
				+ "charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64(utf8("见附件。" + sign())) + "--t\r\nContent-Type: "
				+ HostileFiles.DOCX + "\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"report.docx\"\r\n\r\n"
				+ cut, "QUARANTINED", "EXTRACTION_FAILED",
				"the message ends in the middle of the attachment's base64 (no closing boundary): half a docx, damaged, fails closed");
	}

	Case truncatedBase64Body() {
		String body = base64(utf8(reportBody("truncated-body")));
		String cut = body.substring(0, body.length() * 2 / 3 + 1);
		return torture("truncated-base64-body", "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n", cut,
				"REJECTED", "SIGNATURE_BLOCK_MISSING",
				"the text body's base64 stops mid-quantum: what arrived is decoded, and it lacks the 落款 the subject names");
	}

	Case wrongBoundary() {
		return torture("wrong-boundary", "Content-Type: multipart/mixed; boundary=\"declared\"\r\n", "--actual\r\nContent-Type: text/plain; "
				+ "charset=UTF-8\r\n\r\n" + reportBody("wrong-boundary") + "\r\n--actual--\r\n", "REJECTED", "NO_REPORT",
				"no line matches the declared boundary: the whole body is preamble, so there is no text and no attachment");
	}

	Case missingBoundary() {
		return torture("missing-boundary", "Content-Type: multipart/mixed\r\n", "--x\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
				+ reportBody("missing-boundary") + "\r\n--x--\r\n", "ACCEPTED", null,
				"a multipart without a boundary parameter is read as text/plain (RFC 2045 5.2): the report is there, with the stray MIME lines");
	}

	Case unterminatedMultipart() {
		return torture("unterminated-multipart", "Content-Type: multipart/mixed; boundary=\"u\"\r\n",
				"--u\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64(utf8(reportBody("unterminated"))),
				"ACCEPTED", null, "the closing boundary never comes, but the one part is whole: judged as sent");
	}

	Case garbageInHeaders() {
		var raw = new ByteArrayOutputStream();
		raw.writeBytes(("From: " + encoded(NAME) + " <" + FROM + ">\r\nTo: " + to + "\r\nSubject: ").getBytes(StandardCharsets.US_ASCII));
		raw.writeBytes(new byte[] { 0, (byte) 0xff, (byte) 0xfe, 0x1b, '[', '3', '1', 'm', (byte) 0x80, (byte) 0xc0, 0x7f });
		raw.writeBytes(("\r\nX-Nul: a\0b\r\nDate: " + date() + "\r\nMessage-ID: <torture-garbage-headers@units.test>\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64(utf8(reportBody("garbage"))))
			.getBytes(StandardCharsets.US_ASCII));
		return new Case("garbage-in-headers", raw.toByteArray(), "<torture-garbage-headers@units.test>", "REJECTED",
				"SUBJECT_MISSING_FIELDS", "NUL, control and invalid 8-bit bytes in the subject: nothing of a subject can be read from them");
	}

	Case brokenEncodedWords() {
		String subject = "=?UTF-8?B?!!!not-base64!!!?= =?GBK?Q?=ZZ=G?= =?x-unknown?B?5pWw5o2u?= =?UTF-8?B?";
		return new Case("broken-encoded-words", raw(subject, "broken-encoded-words", "Content-Type: text/plain; charset=UTF-8\r\n"
				+ "Content-Transfer-Encoding: base64\r\n", base64(utf8(reportBody("encoded-words")))), "<torture-broken-encoded-words@units.test>",
				"REJECTED", "SUBJECT_MISSING_FIELDS",
				"encoded-words with invalid base64, invalid quoted-printable, an unknown charset, one unclosed: no field can be read");
	}

	Case headersOnly() {
		String head = "From: " + encoded(NAME) + " <" + FROM + ">\r\nTo: " + to + "\r\nSubject: " + encoded(subject("只有信头")) + "\r\nDate: "
				+ date() + "\r\nMessage-ID: <torture-headers-only@units.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8";
		return new Case("headers-only", utf8(head), "<torture-headers-only@units.test>", "REJECTED", "NO_REPORT",
				"header fields and no body, not even the blank line");
	}

	Case binaryNoise() {
		byte[] noise = new byte[64 * 1024];
		new Random(20261122).nextBytes(noise);
		return new Case("binary-noise", noise, null, "QUARANTINED", null, "64 KB of random bytes: no From, no structure");
	}

	// ---- hostile attachments on correct reports ----

	Case attached(String name, String filename, String type, byte[] document, String outcome, String reason, String why) {
		String body = "--a\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
				+ base64(utf8("见附件。" + sign())) + "--a\r\nContent-Type: " + type + "\r\nContent-Transfer-Encoding: base64\r\n"
				+ "Content-Disposition: attachment; filename=\"" + encoded(filename) + "\"\r\n\r\n" + base64(document) + "--a--\r\n";
		return torture(name, "Content-Type: multipart/mixed; boundary=\"a\"\r\n", body, outcome, reason, why);
	}

	// ---- building blocks ----

	private Case torture(String name, String contentHeaders, String body, String outcome, String reason, String why) {
		return new Case(name, message(name, contentHeaders, body), "<torture-" + name + "@units.test>", outcome, reason, why);
	}

	private byte[] message(String name, String contentHeaders, String body) {
		return raw(encoded(subject(name)), name, contentHeaders, body);
	}

	private byte[] raw(String encodedSubject, String name, String contentHeaders, String body) {
		return utf8("From: " + encoded(NAME) + " <" + FROM + ">\r\nTo: " + to + "\r\nSubject: " + encodedSubject + "\r\nDate: " + date()
				+ "\r\nMessage-ID: <torture-" + name + "@units.test>\r\nMIME-Version: 1.0\r\n" + contentHeaders + "\r\n" + body);
	}

	/** A correct subject whose title names the case (so that no two are duplicates). */
	String subject(String name) {
		return "【动态】番禺区|" + title(name) + "|签发人:王明|报送人:" + NAME + "|" + PHONE + "|" + today;
	}

	private static String title(String name) {
		return "番禺区推进专项工作" + name.replaceAll("[^a-z0-9]", "");
	}

	private String sign() {
		return "\r\n\r\n单位：番禺区政府\r\n签发人：王明\r\n报送人：" + NAME + "\r\n联系电话：" + PHONE + "\r\n日期：" + today;
	}

	/** A body-only report (its 落款 last), its text drawn from the case's name: no two cases are duplicates. */
	private String reportBody(String name) {
		return ChaosCorpus.paragraphs(new Random(name.hashCode())) + sign();
	}

	private String date() {
		return today.getDayOfMonth() + " " + new String[] { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
				"Dec" }[today.getMonthValue() - 1] + " " + today.getYear() + " 10:00:00 +0800";
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
