package org.baosong.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Chinese charset strategy of spec/intake.md. Units' mail arrives labelled {@code gb2312}
 * while holding GBK-only characters (镕 喆 堃 玥), unlabelled, or as raw 8-bit bytes in headers.
 * <ol>
 * <li>Every GB label ({@code gb2312}, {@code gbk}, {@code cp936}, {@code x-gbk}, {@code euc-cn} ...)
 * is read as GB18030, a superset of them all.</li>
 * <li>Unlabelled or undecodable bytes: strict UTF-8, then GB18030, then Big5; the first decode that
 * is clean wins and is recorded. Never a silent U+FFFD when a clean decode exists.</li>
 * </ol>
 */
public final class MailCharsets {

	public static final Charset GB18030 = Charset.forName("GB18030");

	public static final Charset BIG5 = Charset.forName("Big5");

	private static final Set<String> GB_LABELS = Set.of("gb2312", "gb_2312", "gb_2312-80", "gbk", "cp936", "ms936", "x-gbk",
			"euc-cn", "euccn", "x-euc-cn", "csgb2312", "gb18030", "windows-936", "chinese", "iso-ir-58", "hz-gb-2312");

	private static final Set<String> BIG5_LABELS = Set.of("big5", "big-5", "cp950", "x-big5", "csbig5", "big5-hkscs", "ms950");

	/** The order in which unlabelled bytes are tried. */
	private static final List<Charset> FALLBACKS = List.of(StandardCharsets.UTF_8, GB18030, BIG5);

	private MailCharsets() {
	}

	/** The charset to decode a label with, or null when the label names nothing Java knows. */
	public static Charset forLabel(String label) {
		if (label == null || label.isBlank()) {
			return null;
		}
		String name = label.strip().toLowerCase(Locale.ROOT).replace("\"", "");
		if (GB_LABELS.contains(name)) {
			return GB18030;
		}
		if (BIG5_LABELS.contains(name)) {
			// Big5-HKSCS is a superset of Big5 as mail clients send it
			return Charset.isSupported("Big5-HKSCS") ? Charset.forName("Big5-HKSCS") : BIG5;
		}
		if (name.equals("utf8")) {
			return StandardCharsets.UTF_8;
		}
		try {
			return Charset.forName(name);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return null;
		}
	}

	/** Bytes with a label: the label's charset if the bytes decode cleanly in it, else the fallbacks. */
	public static Decoded decode(byte[] bytes, String label) {
		Charset labelled = forLabel(label);
		if (labelled != null) {
			String text = strict(bytes, labelled);
			if (text != null) {
				return new Decoded(text, labelled, false);
			}
		}
		return decodeUnlabelled(bytes);
	}

	/** Bytes without a (usable) label: strict UTF-8, then GB18030, then Big5; lenient GB18030 as the last resort. */
	public static Decoded decodeUnlabelled(byte[] bytes) {
		if (isAscii(bytes)) {
			return new Decoded(new String(bytes, StandardCharsets.US_ASCII), StandardCharsets.US_ASCII, false);
		}
		for (Charset charset : FALLBACKS) {
			String text = strict(bytes, charset);
			if (text != null) {
				return new Decoded(text, charset, false);
			}
		}
		return new Decoded(new String(bytes, GB18030), GB18030, true);
	}

	static boolean isAscii(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0) {
				return false;
			}
		}
		return true;
	}

	private static String strict(byte[] bytes, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/**
	 * @param lossy true when no charset decoded the bytes cleanly and some were replaced
	 */
	public record Decoded(String text, Charset charset, boolean lossy) {
	}
}
