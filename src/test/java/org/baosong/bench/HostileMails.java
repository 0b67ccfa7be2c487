package org.baosong.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.baosong.bench.Workloads.Attachment;
import org.baosong.bench.Workloads.BenchMail;
import org.baosong.extraction.HostileSamples;

/**
 * W5, the hostile workload of quality-bars.md: otherwise valid reports (registered sender, good subject
 * and 落款) carrying one hostile thing each. The documents are the extraction tests' own hostile files
 * ({@link HostileSamples}); the MIME shapes are made here. What each must end as is the hostile-input
 * suite's business (issue 9 item 4); the benchmark reports what each did end as, and how long the
 * whole set took. Not here: the parser that hangs (it needs a test-only parser in the gateway and costs
 * the full extraction timeout).
 */
final class HostileMails {

	private HostileMails() {
	}

	/** {@code unreachable}: a loopback URL where nothing listens, named by the external entities. */
	static List<BenchMail> all(Workloads workloads, String unreachable) {
		return all(workloads, unreachable, 100_000);
	}

	/** {@code parts}: the spec's 100,000, or fewer where a quick run cannot wait for a test server to index them. */
	static List<BenchMail> all(Workloads workloads, String unreachable, int parts) {
		var out = new ArrayList<BenchMail>();
		int index = 0;
		for (Map.Entry<String, byte[]> document : HostileSamples.documents("file:///etc/passwd", unreachable).entrySet()) {
			var e = workloads.envelope("w5", index++);
			String type = document.getKey().endsWith(".pdf") ? Documents.PDF : Documents.DOCX;
			var attachment = new Attachment(document.getKey(), type, document.getValue());
			out.add(mail("document " + document.getKey(), e, mixed(e, "各位领导：\n详见附件。" + e.sign(), attachment)));
		}
		var e = workloads.envelope("w5", index++);
		out.add(mail("MIME nesting 120 levels", e, nested(e, 120)));
		e = workloads.envelope("w5", index++);
		out.add(mail("MIME %,d parts".formatted(parts), e, manyParts(e, parts)));
		e = workloads.envelope("w5", index++);
		out.add(mail("10,000 header fields", e, manyHeaders(e, 10_000)));
		e = workloads.envelope("w5", index++);
		out.add(mail("a 1 MB header line", e, longHeader(e, 1 << 20)));
		e = workloads.envelope("w5", index++);
		out.add(mail("truncated base64 attachment", e, truncated(e)));
		e = workloads.envelope("w5", index++);
		out.add(mail("wrong boundary", e, wrongBoundary(e)));
		return out;
	}

	private static BenchMail mail(String name, Workloads.Envelope e, String raw) {
		return new BenchMail("W5/" + name, e.messageId(), e.from(), e.subject(), raw.getBytes(StandardCharsets.UTF_8), List.of());
	}

	private static String text(String text) {
		return "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
				+ Workloads.Mime.base64(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String mixed(Workloads.Envelope e, String body, Attachment a) {
		return e.header() + "Content-Type: multipart/mixed; boundary=\"" + e.boundary() + "\"\r\n\r\n--" + e.boundary() + "\r\n" + text(body)
				+ "--" + e.boundary() + "\r\nContent-Type: " + a.type() + "; name=\"" + a.filename() + "\"\r\nContent-Transfer-Encoding: base64\r\n"
				+ "Content-Disposition: attachment; filename=\"" + a.filename() + "\"\r\n\r\n" + Workloads.Mime.base64(a.bytes()) + "--"
				+ e.boundary() + "--\r\n";
	}

	private static String nested(Workloads.Envelope e, int levels) {
		var out = new StringBuilder(e.header()).append("Content-Type: multipart/mixed; boundary=\"n0\"\r\n\r\n");
		for (int i = 0; i < levels; i++) {
			out.append("--n").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"n").append(i + 1).append("\"\r\n\r\n");
		}
		out.append("--n").append(levels).append("\r\n").append(text(e.text()));
		for (int i = levels; i >= 0; i--) {
			out.append("--n").append(i).append("--\r\n");
		}
		return out.toString();
	}

	private static String manyParts(Workloads.Envelope e, int parts) {
		var out = new StringBuilder(e.header()).append("Content-Type: multipart/mixed; boundary=\"").append(e.boundary()).append("\"\r\n\r\n");
		out.append("--").append(e.boundary()).append("\r\n").append(text(e.text()));
		for (int i = 1; i < parts; i++) {
			out.append("--").append(e.boundary()).append("\r\nContent-Type: text/plain\r\n\r\n").append(i).append("\r\n");
		}
		return out.append("--").append(e.boundary()).append("--\r\n").toString();
	}

	private static String manyHeaders(Workloads.Envelope e, int fields) {
		var out = new StringBuilder(e.header());
		for (int i = 0; i < fields; i++) {
			out.append("X-Filler-").append(i).append(": x\r\n");
		}
		return out.append(text(e.text())).toString();
	}

	private static String longHeader(Workloads.Envelope e, int length) {
		return e.header() + "X-Long: " + "a".repeat(length) + "\r\n" + text(e.text());
	}

	private static String truncated(Workloads.Envelope e) {
		byte[] docx = Documents.docx(e.title(), e.text(), 200_000, new SplittableRandom(7));
		String encoded = Workloads.Mime.base64(docx);
		return e.header() + "Content-Type: multipart/mixed; boundary=\"" + e.boundary() + "\"\r\n\r\n--" + e.boundary() + "\r\n"
				+ text("各位领导：\n详见附件。" + e.sign()) + "--" + e.boundary() + "\r\nContent-Type: " + Documents.DOCX
				+ "; name=\"report.docx\"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"report.docx\"\r\n\r\n"
				+ encoded.substring(0, encoded.length() / 2 + 3);
	}

	private static String wrongBoundary(Workloads.Envelope e) {
		return e.header() + "Content-Type: multipart/mixed; boundary=\"declared-" + e.boundary() + "\"\r\n\r\n--used-" + e.boundary() + "\r\n"
				+ text(e.text()) + "--used-" + e.boundary() + "--\r\n";
	}
}
