package org.baosong.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded-words, decoded the way Chinese mail needs: adjacent encoded-words in the same
 * charset are joined at the byte level before decoding, because Foxmail, Outlook and web mail cut
 * long subjects into several words without regard for character boundaries (a GBK character's two
 * bytes end up in two words). Whitespace between adjacent encoded-words is dropped (RFC 2047 6.2).
 * Encoded-words inside quoted strings and glued to other text are decoded too: that is
 * non-standard, and it is what the mail that arrives looks like.
 */
final class EncodedWords {

	private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+?)\\?([BbQq])\\?([^?\\s]*)\\?=");

	private EncodedWords() {
	}

	/** Decodes every encoded-word in {@code text}; text that is not an encoded-word is kept as it is. */
	static String decode(String text) {
		return decode(text, false);
	}

	/**
	 * For address headers: a decoded display name that holds an address special ({@code , ; < > @ : "})
	 * is put in quotes, so that "王明,李华" decoded from an encoded-word stays one display name.
	 */
	static String decodePhrase(String text) {
		return decode(text, true);
	}

	private static String decode(String text, boolean quoteSpecials) {
		if (text == null || !text.contains("=?")) {
			return text;
		}
		Matcher m = WORD.matcher(text);
		var out = new StringBuilder(text.length());
		var pending = new ByteArrayOutputStream();
		String pendingCharset = null;
		int last = 0;
		while (m.find()) {
			String between = text.substring(last, m.start());
			String charset = m.group(1);
			int star = charset.indexOf('*'); // RFC 2231 language suffix: =?utf-8*zh?B?...?=
			if (star >= 0) {
				charset = charset.substring(0, star);
			}
			charset = charset.toLowerCase(Locale.ROOT);
			boolean adjacent = pendingCharset != null && between.isBlank();
			if (!adjacent || !sameCharset(pendingCharset, charset)) {
				flush(out, pending, pendingCharset, quoteSpecials);
				pendingCharset = null;
				if (!(adjacent && between.isBlank())) {
					out.append(between);
				}
			}
			byte[] bytes = m.group(2).equalsIgnoreCase("B") ? base64(m.group(3)) : quotedPrintable(m.group(3));
			pending.writeBytes(bytes);
			pendingCharset = charset;
			last = m.end();
		}
		flush(out, pending, pendingCharset, quoteSpecials);
		out.append(text, last, text.length());
		return out.toString();
	}

	private static boolean sameCharset(String a, String b) {
		if (a.equals(b)) {
			return true;
		}
		var ca = MailCharsets.forLabel(a);
		return ca != null && ca.equals(MailCharsets.forLabel(b));
	}

	private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset, boolean quoteSpecials) {
		if (charset == null || pending.size() == 0) {
			pending.reset();
			return;
		}
		String decoded = MailCharsets.decode(pending.toByteArray(), charset).text();
		pending.reset();
		if (quoteSpecials && !insideQuotes(out) && decoded.matches("(?s).*[,;<>@:\"\\\\].*")) {
			out.append('"').append(decoded.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		else {
			out.append(decoded);
		}
	}

	private static boolean insideQuotes(CharSequence text) {
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && quoted) {
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
		}
		return quoted;
	}

	private static byte[] base64(String text) {
		String clean = text.replaceAll("[^A-Za-z0-9+/]", "");
		int pad = clean.length() % 4;
		if (pad == 1) {
			clean = clean.substring(0, clean.length() - 1); // a dangling sextet carries no whole byte
		}
		else if (pad > 1) {
			clean = clean + "==".substring(0, 4 - pad);
		}
		return Base64.getDecoder().decode(clean);
	}

	private static byte[] quotedPrintable(String text) {
		var out = new ByteArrayOutputStream(text.length());
		byte[] in = text.getBytes(StandardCharsets.ISO_8859_1);
		for (int i = 0; i < in.length; i++) {
			byte b = in[i];
			if (b == '_') {
				out.write(' ');
			}
			else if (b == '=' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
				out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
				i += 2;
			}
			else {
				out.write(b);
			}
		}
		return out.toByteArray();
	}

	private static int hex(byte b) {
		return Character.digit((char) b, 16);
	}
}
