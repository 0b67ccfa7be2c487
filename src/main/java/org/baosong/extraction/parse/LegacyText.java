package org.baosong.extraction.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * Recognizes plain text in the Chinese legacy encodings by its content: no NUL and almost no
 * control bytes, and a clean decode in the charset {@link ChineseEncodingDetector} picks.
 */
final class LegacyText {

	private static final int SAMPLE = 64 * 1024;

	private LegacyText() {
	}

	static boolean looksLikeText(InputStream in) throws IOException {
		in.mark(SAMPLE + 1);
		byte[] sample;
		try {
			sample = in.readNBytes(SAMPLE);
		}
		finally {
			in.reset();
		}
		if (sample.length == 0) {
			return false;
		}
		int control = 0;
		for (byte b : sample) {
			int c = b & 0xFF;
			if (c == 0) {
				return false;
			}
			if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1A) {
				control++;
			}
		}
		if (control * 100 > sample.length) {
			return false;
		}
		Charset charset = ChineseEncodingDetector.detect(sample, sample.length == SAMPLE);
		return ChineseEncodingDetector.decodesCleanly(sample, charset, sample.length == SAMPLE);
	}
}
