package org.baosong.chaos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The mail of a fault-injection run, generated from a seed (the same seed gives the same bytes, except
 * for the run's date): what units really send, from the demo registry's informants
 * ({@code config/demo/}), each with the outcome it must end with:
 * <ul>
 * <li>70% body-only reports and 5% reports with a .docx attached (a parser process reads it): ACCEPTED,
 * each answered with a receipt;</li>
 * <li>10% reports whose subject lacks fields: REJECTED (a rejection, within the rate limits);</li>
 * <li>5% out-of-office answers (Auto-Submitted): IGNORED;</li>
 * <li>5% reports from unregistered addresses: QUARANTINED, silently;</li>
 * <li>5% more body-only reports.</li>
 * </ul>
 * Texts are random characters from a pool of common ones (no 密/秘/机/绝, so no classified marking), so no
 * two are duplicates or near-duplicates of each other. Raw bytes are written by hand (CRLF, base64
 * bodies, encoded-word subjects): no library decides a boundary or a date.
 */
public final class ChaosCorpus {

	/** Common characters of government reports; a random run of them shares no trigrams with another. */
	private static final String POOL = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
			+ "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制当使点从业本去把性好应开它合还因由其些然前外"
			+ "天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最"
			+ "立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运"
			+ "农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共"
			+ "权收证改清美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温"
			+ "传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史"
			+ "感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包"
			+ "火住调满县局照参红细引听该铁价严龙飞";

	/** What kind of mail a corpus message is, and how it must end. */
	public enum Kind {
		REPORT("ACCEPTED"), REPORT_DOCX("ACCEPTED"), MISSING_FIELDS("REJECTED"), OUT_OF_OFFICE("IGNORED"), STRANGER("QUARANTINED");

		public final String outcome;

		Kind(String outcome) {
			this.outcome = outcome;
		}
	}

	/** One message of the corpus. */
	public record Mail(int index, Kind kind, String messageId, String from, byte[] raw) {

		public String expectedOutcome() {
			return kind.outcome;
		}
	}

	/** An informant of the demo registry and the unit it reports for. */
	record Informant(String address, String name, String phone, String unitName, String unitShort) {
	}

	private final List<Informant> informants;

	private final String to;

	private final LocalDate today;

	private final String runTag;

	/**
	 * @param to     the submission mailbox's address
	 * @param today  the date the subjects carry (the profile's date window is checked against receipt)
	 * @param runTag distinguishes the Message-IDs of separate batches of one run
	 */
	public ChaosCorpus(String to, LocalDate today, String runTag) {
		this.informants = demoRegistry(Path.of("config/demo"));
		this.to = to;
		this.today = today;
		this.runTag = runTag;
	}

	/** Messages {@code from} (inclusive) to {@code to} (exclusive) of the corpus of this seed. */
	public List<Mail> generate(long seed, int from, int count) {
		var mails = new ArrayList<Mail>(count);
		for (int i = from; i < from + count; i++) {
			mails.add(mail(seed, i));
		}
		return mails;
	}

	/** Message {@code i} of the corpus of this seed. */
	public Mail mail(long seed, int i) {
		var random = new Random(seed * 1_000_003L + i);
		Kind kind = switch (i % 20) {
			case 14 -> Kind.REPORT_DOCX;
			case 15, 16 -> Kind.MISSING_FIELDS;
			case 17 -> Kind.OUT_OF_OFFICE;
			case 18 -> Kind.STRANGER;
			default -> Kind.REPORT;
		};
		Informant informant = informants.get(Math.floorMod(i * 7 + (int) seed, informants.size()));
		String messageId = "<chaos-" + runTag + "-" + seed + "-" + i + "@units.test>";
		String title = informant.unitShort() + "推进重点工作情况第" + (i + 1) + "期" + text(random, 4);
		String signer = "王明";
		String subject = "【动态】" + informant.unitShort() + "|" + title + "|签发人:" + signer + "|报送人:" + informant.name() + "|"
				+ informant.phone() + "|" + today;
		String sign = "\r\n\r\n单位：" + informant.unitName() + "\r\n签发人：" + signer + "\r\n报送人：" + informant.name() + "\r\n联系电话："
				+ informant.phone() + "\r\n日期：" + today;
		String from = informant.address();
		return switch (kind) {
			case REPORT -> new Mail(i, kind, messageId, from, plain(from, informant.name(), subject, messageId, paragraphs(random) + sign, null));
			case REPORT_DOCX -> new Mail(i, kind, messageId, from, withDocx(from, informant.name(), subject, messageId, "见附件。" + sign,
					docx(title, paragraphs(random) + sign), title + ".docx"));
			case MISSING_FIELDS -> new Mail(i, kind, messageId, from, plain(from, informant.name(),
					"【动态】" + informant.unitShort() + "|" + title + "|签发人:" + signer, messageId, paragraphs(random) + sign, null));
			case OUT_OF_OFFICE -> new Mail(i, kind, messageId, from, plain(from, informant.name(), "自动回复：" + text(random, 8), messageId,
					"您好，我正在休假，将于下周回复您的邮件。" + text(random, 20), "Auto-Submitted: auto-replied"));
			case STRANGER -> {
				String stranger = "unit" + i + "@stranger.example";
				yield new Mail(i, kind, messageId, stranger, plain(stranger, "张三", subject, messageId, paragraphs(random) + sign, null));
			}
		};
	}

	static String paragraphs(Random random) {
		int paragraphs = 2 + random.nextInt(3);
		var body = new StringBuilder();
		for (int p = 0; p < paragraphs; p++) {
			if (p > 0) {
				body.append("\r\n\r\n");
			}
			body.append(text(random, 90 + random.nextInt(60))).append('。');
		}
		return body.toString();
	}

	static String text(Random random, int length) {
		var text = new StringBuilder(length);
		for (int c = 0; c < length; c++) {
			text.append(POOL.charAt(random.nextInt(POOL.length())));
		}
		return text.toString();
	}

	// ---- raw messages ----

	private String headers(String from, String name, String subject, String messageId, String extra) {
		return "From: " + encoded(name) + " <" + from + ">\r\nTo: " + to + "\r\nSubject: " + encoded(subject) + "\r\nDate: "
				+ rfc5322Date() + "\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n" + (extra == null ? "" : extra + "\r\n");
	}

	private byte[] plain(String from, String name, String subject, String messageId, String body, String extra) {
		return (headers(from, name, subject, messageId, extra) + "Content-Type: text/plain; charset=UTF-8\r\n"
				+ "Content-Transfer-Encoding: base64\r\n\r\n" + base64(body.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
	}

	private byte[] withDocx(String from, String name, String subject, String messageId, String body, byte[] docx, String filename) {
		String boundary = "chaos-" + Integer.toHexString(messageId.hashCode());
		return (headers(from, name, subject, messageId, null) + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
				+ "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
				+ base64(body.getBytes(StandardCharsets.UTF_8)) + "--" + boundary + "\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n"
				+ "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"" + encoded(filename) + "\"\r\n\r\n"
				+ base64(docx) + "--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
	}

	/** A .docx whose first paragraph is the title and the rest the text, one paragraph per line. */
	static byte[] docx(String title, String text) {
		try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText(title);
			for (String line : text.split("\r?\n")) {
				document.createParagraph().createRun().setText(line);
			}
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String rfc5322Date() {
		return today.getDayOfMonth() + " " + new String[] { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
				"Dec" }[today.getMonthValue() - 1] + " " + today.getYear() + " 09:30:00 +0800";
	}

	static String encoded(String text) {
		return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
	}

	static String base64(byte[] bytes) {
		return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes) + "\r\n";
	}

	// ---- the demo registry ----

	static List<Informant> demoRegistry(Path dir) {
		try {
			Map<String, String> shortNames = new HashMap<>();
			for (String[] f : csv(dir.resolve("units.csv"))) {
				shortNames.put(f[1], f[2].isBlank() ? f[1] : f[2]);
			}
			var informants = new ArrayList<Informant>();
			for (String[] f : csv(dir.resolve("informants.csv"))) {
				if (f[7].equals("在用") && shortNames.containsKey(f[1])) {
					informants.add(new Informant(f[5], f[2], f[4], f[1], shortNames.get(f[1])));
				}
			}
			if (informants.isEmpty()) {
				throw new IllegalStateException("no informants in " + dir);
			}
			return informants;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The rows of a simple CSV file of the demo registry (no quoted commas in it), header skipped. */
	private static List<String[]> csv(Path file) throws IOException {
		var rows = new ArrayList<String[]>();
		var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			if (!line.isBlank()) {
				rows.add(line.split(",", -1));
			}
		}
		return rows;
	}
}
