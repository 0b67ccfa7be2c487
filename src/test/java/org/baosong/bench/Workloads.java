package org.baosong.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.baosong.bench.Informants.Informant;

/**
 * The workloads of quality-bars.md, generated deterministically: the same seed, day and index give the
 * same bytes. Every mail of W1–W4 comes from a registered demo informant with a subject and 落款 of the
 * default grammar naming the informant's unit, a text of its own (no DUPLICATE) and, where it has one,
 * a single report document: it is meant to be ACCEPTED. The MIME is written here by hand (boundaries,
 * Message-ID and Date from the seed), since Jakarta Mail would put the time into boundaries.
 * <ul>
 * <li>W1 tiny: a text/plain body of about 5 KB (base64), no attachment;</li>
 * <li>W2 typical: multipart/alternative of about 80 KB (the text and Outlook-style HTML) and one docx of 50–200 KB;</li>
 * <li>W3 office mix: one report of 100 KB–5 MB (log-uniform): docx 40%, text PDF 40%, doc 15%, other (RTF) 5%;</li>
 * <li>W4 large: one docx of the given size;</li>
 * <li>W5 hostile: {@link HostileMails}.</li>
 * </ul>
 */
final class Workloads {

	enum Kind {
		W1, W2, W3, W4, W5
	}

	record Attachment(String filename, String type, byte[] bytes) {
	}

	/**
	 * One generated mail.
	 *
	 * @param name        a name for reports (the workload, tag and index, or the hostile case)
	 * @param messageId   its Message-ID, unique per (seed, tag, index)
	 * @param subject     the decoded subject
	 * @param raw         the message as it goes into the mailbox
	 * @param attachments the documents it carries, decoded (for the extraction baseline)
	 */
	record BenchMail(String name, String messageId, String from, String subject, byte[] raw, List<Attachment> attachments) {
	}

	static final String TO = "submit@bench.baosong.test";

	private static final String[] TYPES = { "动态", "动态", "动态", "综合", "简讯" };

	private final long seed;

	private final LocalDate today;

	private final List<Informant> informants;

	Workloads(long seed, LocalDate today, List<Informant> informants) {
		this.seed = seed;
		this.today = today;
		this.informants = informants;
	}

	LocalDate today() {
		return today;
	}

	/** The {@code index}th mail of a kind (W1–W4) under a tag that keeps different uses of one kind apart. */
	BenchMail mail(Kind kind, String tag, int index, int w4Bytes) {
		var r = random(tag + "/" + kind, index);
		Informant from = informants.get(Math.floorMod(index * 7 + tag.hashCode(), informants.size()));
		String title = BenchText.title(r, from.unit());
		String type = TYPES[r.nextInt(TYPES.length)];
		String signer = person(r);
		String subject = "【" + type + "】" + from.unit() + "|" + title + "|签发人:" + signer + "|报送人:" + from.reporter() + "|"
				+ from.phone() + "|" + today;
		String sign = "\n\n单位：" + from.unitName() + "\n签发人：" + signer + "\n报送人：" + from.reporter() + "\n联系电话：" + from.phone()
				+ "\n日期：" + today;
		String messageId = "<bench-" + tag + "-" + kind.name().toLowerCase(Locale.ROOT) + "-" + index + "." + seed + "@bench.baosong.test>";
		String name = kind + "/" + tag + "/" + index;
		var mime = new Mime(r, today);
		return switch (kind) {
			case W1 -> {
				String text = BenchText.paragraphs(r, from.unit(), index, 1250) + sign;
				mime.headers(from, subject, messageId, index).textPart(text);
				yield mime.mail(name, messageId, from.address(), subject, List.of());
			}
			case W2 -> {
				String report = BenchText.paragraphs(r, from.unit(), index, 1500 + r.nextInt(1500));
				var docx = new Attachment(title + ".docx", Documents.DOCX, Documents.docx(title, report, 50_000 + r.nextInt(150_001), r));
				String lead = report.substring(0, Math.min(report.length(), 600));
				mime.headers(from, subject, messageId, index).mixed(m -> {
					m.alternative(lead + sign, 80_000);
					m.attachment(docx);
				});
				yield mime.mail(name, messageId, from.address(), subject, List.of(docx));
			}
			case W3 -> {
				String report = BenchText.paragraphs(r, from.unit(), index, 1500 + r.nextInt(3500));
				int size = (int) Math.round(Math.exp(Math.log(100_000) + r.nextDouble() * (Math.log(5_000_000) - Math.log(100_000))));
				int pick = r.nextInt(100);
				var document = pick < 40 ? new Attachment(title + ".docx", Documents.DOCX, Documents.docx(title, report, size, r))
						: pick < 80 ? new Attachment(title + ".pdf", Documents.PDF, Documents.pdf(title, report, size, r))
								: pick < 95 ? new Attachment(title + ".doc", Documents.DOC, Documents.doc(title, report, size, r))
										: new Attachment(title + ".rtf", Documents.RTF, Documents.rtf(title, report, size, r));
				mime.headers(from, subject, messageId, index).mixed(m -> {
					m.text("各位领导：\n现报送《" + title + "》一文，详见附件。" + sign);
					m.attachment(document);
				});
				yield mime.mail(name, messageId, from.address(), subject, List.of(document));
			}
			case W4 -> {
				String report = BenchText.paragraphs(r, from.unit(), index, 3000);
				var docx = new Attachment(title + ".docx", Documents.DOCX, Documents.docx(title, report, w4Bytes, r));
				mime.headers(from, subject, messageId, index).mixed(m -> {
					m.text("各位领导：\n现报送《" + title + "》一文（含现场照片），详见附件。" + sign);
					m.attachment(docx);
				});
				yield mime.mail(name, messageId, from.address(), subject, List.of(docx));
			}
			case W5 -> throw new IllegalArgumentException("W5 is HostileMails.all()");
		};
	}

	/** A valid envelope (registered sender, good subject and 落款) around a hostile body: W5. */
	Envelope envelope(String tag, int index) {
		var r = random(tag + "/W5", index);
		Informant from = informants.get(Math.floorMod(index * 7 + tag.hashCode(), informants.size()));
		String title = BenchText.title(r, from.unit());
		String signer = person(r);
		String subject = "【动态】" + from.unit() + "|" + title + "|签发人:" + signer + "|报送人:" + from.reporter() + "|" + from.phone() + "|" + today;
		String sign = "\n\n单位：" + from.unitName() + "\n签发人：" + signer + "\n报送人：" + from.reporter() + "\n联系电话：" + from.phone()
				+ "\n日期：" + today;
		String messageId = "<bench-" + tag + "-w5-" + index + "." + seed + "@bench.baosong.test>";
		var mime = new Mime(r, today);
		mime.headers(from, subject, messageId, index);
		return new Envelope(mime.header(), from.address(), subject, messageId, title, BenchText.paragraphs(r, from.unit(), index, 600) + sign,
				sign, "b" + Long.toHexString(r.nextLong()));
	}

	/**
	 * What a hostile mail keeps valid.
	 *
	 * @param header    the header lines (without the MIME content headers and the blank line)
	 * @param text      a report in the body, with its 落款
	 * @param sign      the 落款 alone (for a body that only points to the attachment)
	 * @param boundary  a boundary for the mail's own multipart
	 */
	record Envelope(String header, String from, String subject, String messageId, String title, String text, String sign, String boundary) {
	}

	private SplittableRandom random(String tag, int index) {
		long h = seed;
		for (byte b : tag.getBytes(StandardCharsets.UTF_8)) {
			h = h * 31 + b;
		}
		return new SplittableRandom(h * 1_000_003L + index);
	}

	private static String person(SplittableRandom r) {
		String[] surnames = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林" };
		String[] given = { "明", "华", "伟", "静", "敏", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "志远", "晓东", "建国", "丽华" };
		return BenchText.pick(r, surnames) + BenchText.pick(r, given);
	}

	/** Writes MIME by hand, deterministically. */
	static final class Mime {

		private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

		private final SplittableRandom r;

		private final StringBuilder out = new StringBuilder();

		private final LocalDate today;

		Mime(SplittableRandom r, LocalDate today) {
			this.r = r;
			this.today = today;
		}

		Mime headers(Informant from, String subject, String messageId, int index) {
			out.append("From: ").append(encodedWords(from.reporter())).append(" <").append(from.address()).append(">\r\n");
			out.append("To: ").append(TO).append("\r\n");
			out.append("Subject: ").append(encodedWords(subject)).append("\r\n");
			out.append("Message-ID: ").append(messageId).append("\r\n");
			out.append("Date: ").append(date(index)).append("\r\n");
			out.append("MIME-Version: 1.0\r\n");
			out.append("X-Mailer: Baosong benchmark\r\n");
			return this;
		}

		String header() {
			return out.toString();
		}

		private String date(int index) {
			var when = today.atTime(9, 0).plusSeconds(index % 28_800).atOffset(ZoneOffset.ofHours(8));
			return RFC_5322.format(when);
		}

		Mime textPart(String text) {
			out.append("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n").append(base64(text.getBytes(StandardCharsets.UTF_8)));
			return this;
		}

		interface Parts {
			void write(Mime mime);
		}

		private String boundary;

		Mime mixed(Parts parts) {
			boundary = "----=_Part_" + Long.toHexString(r.nextLong());
			out.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\nThis is a multi-part message in MIME format.\r\n");
			parts.write(this);
			out.append("--").append(boundary).append("--\r\n");
			return this;
		}

		void text(String text) {
			out.append("--").append(boundary).append("\r\n");
			textPart(text);
		}

		/** text/plain and an Outlook-style HTML of the same text, together about {@code size} bytes encoded. */
		void alternative(String text, int size) {
			String inner = "----=_Alt_" + Long.toHexString(r.nextLong());
			out.append("--").append(boundary).append("\r\nContent-Type: multipart/alternative; boundary=\"").append(inner).append("\"\r\n\r\n");
			out.append("--").append(inner).append("\r\n");
			int start = out.length();
			textPart(text);
			int plain = out.length() - start;
			out.append("--").append(inner).append("\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
			out.append(base64(html(text, (size - plain) * 3 / 4).getBytes(StandardCharsets.UTF_8)));
			out.append("--").append(inner).append("--\r\n");
		}

		void attachment(Attachment a) {
			out.append("--").append(boundary).append("\r\n");
			out.append("Content-Type: ").append(a.type()).append("; name=\"").append(encodedWords(a.filename())).append("\"\r\n");
			out.append("Content-Transfer-Encoding: base64\r\n");
			out.append("Content-Disposition: attachment; filename*=UTF-8''").append(percent(a.filename())).append("\r\n\r\n");
			out.append(base64(a.bytes()));
		}

		BenchMail mail(String name, String messageId, String from, String subject, List<Attachment> attachments) {
			return new BenchMail(name, messageId, from, subject, out.toString().getBytes(StandardCharsets.US_ASCII), attachments);
		}

		/** The text as Outlook writes it: a style block, one styled paragraph per line, padded with its usual markup. */
		private static String html(String text, int size) {
			var html = new StringBuilder("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">"
					+ "<style><!-- p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm;font-size:10.5pt;font-family:等线;} --></style></head>"
					+ "<body lang=ZH-CN link=\"#0563C1\" vlink=\"#954F72\" style='text-justify-trim:punctuation'><div class=WordSection1>");
			for (String line : text.split("\n")) {
				html.append("<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly'><span style='font-size:16.0pt;"
						+ "font-family:仿宋_GB2312;mso-ascii-font-family:\"Times New Roman\";mso-hansi-font-family:\"Times New Roman\"'>")
					.append(line.replace("&", "&amp;").replace("<", "&lt;")).append("<o:p></o:p></span></p>\r\n");
			}
			String empty = "<p class=MsoNormal style='line-height:28.0pt;mso-line-height-rule:exactly'><span lang=EN-US style='font-size:16.0pt;"
					+ "font-family:\"Times New Roman\",serif;mso-fareast-font-family:仿宋_GB2312'><o:p>&nbsp;</o:p></span></p>\r\n";
			int emptyBytes = empty.getBytes(StandardCharsets.UTF_8).length;
			for (int bytes = html.toString().getBytes(StandardCharsets.UTF_8).length; bytes < size; bytes += emptyBytes) {
				html.append(empty);
			}
			return html.append("</div></body></html>").toString();
		}

		static String base64(byte[] bytes) {
			return Base64.getMimeEncoder(76, new byte[] { '\r', '\n' }).encodeToString(bytes) + "\r\n";
		}

		/** RFC 2047 encoded words of at most 15 characters each, folded. */
		static String encodedWords(String text) {
			if (text.chars().allMatch(c -> c >= 32 && c < 127)) {
				return text;
			}
			var words = new ArrayList<String>();
			int[] cps = text.codePoints().toArray();
			for (int i = 0; i < cps.length; i += 15) {
				String chunk = new String(cps, i, Math.min(15, cps.length - i));
				words.add("=?UTF-8?B?" + Base64.getEncoder().encodeToString(chunk.getBytes(StandardCharsets.UTF_8)) + "?=");
			}
			return String.join("\r\n ", words);
		}

		static String percent(String text) {
			var out = new StringBuilder();
			for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
				int c = b & 0xFF;
				if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
					out.append((char) c);
				}
				else {
					out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
				}
			}
			return out.toString();
		}
	}
}
