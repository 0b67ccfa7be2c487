package org.baosong.extraction.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;

/**
 * Charset of .txt and .html attachments, the way the mail module decodes Chinese mail: a BOM;
 * else strict UTF-8; else a declared {@code <meta charset>} (any GB2312/GBK label read as its
 * superset GB18030); else GB18030 or Big5 by their byte patterns. Statistical detectors (ICU,
 * juniversalchardet) mistake short GBK texts for Big5 or EUC-KR and the reverse; the byte ranges
 * decide it cleanly: common Big5 characters have second bytes in 0x40-0x7E about half the time,
 * GB2312 characters never do.
 */
final class ChineseEncodingDetector implements EncodingDetector {

	private static final long serialVersionUID = 1L;

	private static final int SAMPLE = 64 * 1024;

	private static final Charset GB18030 = Charset.forName("GB18030");

	private static final Charset BIG5 = Charset.forName("Big5");

	private static final Pattern META_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-]+)",
			Pattern.CASE_INSENSITIVE);

	@Override
	public Charset detect(InputStream input, Metadata metadata) throws IOException {
		if (input == null) {
			return null;
		}
		input.mark(SAMPLE + 1);
		byte[] sample;
		try {
			sample = input.readNBytes(SAMPLE);
		}
		finally {
			input.reset();
		}
		return detect(sample, sample.length == SAMPLE);
	}

	static Charset detect(byte[] b, boolean cut) {
		if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
			return StandardCharsets.UTF_8;
		}
		if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
			return StandardCharsets.UTF_16BE;
		}
		if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
			return StandardCharsets.UTF_16LE;
		}
		if (decodesCleanly(b, StandardCharsets.UTF_8, cut)) {
			return StandardCharsets.UTF_8;
		}
		Charset declared = declared(b);
		if (declared != null && decodesCleanly(b, declared, cut)) {
			return declared;
		}
		boolean gb = decodesCleanly(b, GB18030, cut);
		boolean big5 = decodesCleanly(b, BIG5, cut);
		if (big5 && (!gb || looksLikeBig5(b))) {
			return BIG5;
		}
		return GB18030;
	}

	private static Charset declared(byte[] b) {
		String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1);
		Matcher m = META_CHARSET.matcher(head);
		if (!m.find()) {
			return null;
		}
		String label = m.group(1).toLowerCase(Locale.ROOT);
		return switch (label) {
			case "gb2312", "gbk", "cp936", "x-gbk", "euc-cn", "gb18030" -> GB18030;
			case "big5", "big5-hkscs", "cp950" -> BIG5;
			default -> Charset.isSupported(label) ? Charset.forName(label) : null;
		};
	}

	private static boolean looksLikeBig5(byte[] b) {
		int pairs = 0;
		int lowTrail = 0;
		for (int i = 0; i + 1 < b.length; i++) {
			int lead = b[i] & 0xFF;
			if (lead >= 0x81 && lead <= 0xFE) {
				int trail = b[i + 1] & 0xFF;
				pairs++;
				if (trail >= 0x40 && trail <= 0x7E) {
					lowTrail++;
				}
				i++;
			}
		}
		return pairs > 0 && lowTrail * 5 > pairs;
	}

	static boolean decodesCleanly(byte[] b, Charset charset, boolean cut) {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharBuffer out = CharBuffer.allocate(b.length * 2 + 16);
		// a sample cut in the middle of a character is not an error: endOfInput=false leaves it pending
		return !decoder.decode(ByteBuffer.wrap(b), out, !cut).isError();
	}
}
