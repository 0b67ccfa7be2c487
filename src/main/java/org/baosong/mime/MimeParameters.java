package org.baosong.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A structured header value such as {@code attachment; filename="报告.docx"} as a value and its
 * parameters, with every filename form the offices' clients produce:
 * RFC 2231 ({@code filename*=GBK''%B1%A8...}), RFC 2231 continuations
 * ({@code filename*0*=...; filename*1*=...}), RFC 2047 inside a quoted value (non-standard, the most
 * common), and raw 8-bit text (already decoded by the header's charset strategy).
 */
record MimeParameters(String value, Map<String, String> parameters) {

	String get(String name) {
		return parameters.get(name.toLowerCase(Locale.ROOT));
	}

	static MimeParameters parse(String header) {
		if (header == null) {
			return new MimeParameters("", Map.of());
		}
		var raw = new LinkedHashMap<String, String>();
		int semicolon = indexOfUnquoted(header, ';', 0);
		String value = (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
		int pos = semicolon;
		while (pos >= 0 && pos < header.length()) {
			int next = indexOfUnquoted(header, ';', pos + 1);
			String part = header.substring(pos + 1, next < 0 ? header.length() : next).strip();
			int eq = part.indexOf('=');
			if (eq > 0) {
				String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
				raw.putIfAbsent(name, unquote(part.substring(eq + 1).strip()));
			}
			pos = next;
		}
		return new MimeParameters(value, assemble(raw));
	}

	/** Joins RFC 2231 continuations, decodes extended values, and decodes RFC 2047 words in plain ones. */
	private static Map<String, String> assemble(Map<String, String> raw) {
		var result = new LinkedHashMap<String, String>();
		var sections = new LinkedHashMap<String, TreeMap<Integer, String[]>>();
		for (var entry : raw.entrySet()) {
			String name = entry.getKey();
			boolean extended = name.endsWith("*");
			String base = extended ? name.substring(0, name.length() - 1) : name;
			int star = base.indexOf('*');
			if (star > 0 && isNumber(base.substring(star + 1))) {
				sections.computeIfAbsent(base.substring(0, star), k -> new TreeMap<>())
					.put(Integer.parseInt(base.substring(star + 1)), new String[] { entry.getValue(), extended ? "*" : "" });
			}
			else if (extended) {
				result.put(base, decodeExtended(entry.getValue(), null).text);
			}
			else {
				result.putIfAbsent(base, EncodedWords.decode(entry.getValue()));
			}
		}
		for (var entry : sections.entrySet()) {
			// RFC 2231 4.1: the charset is named in the first section only; the sections' bytes are joined, then decoded
			String charset = null;
			var bytes = new ByteArrayOutputStream();
			var plain = new StringBuilder();
			boolean first = true;
			boolean anyExtended = false;
			for (String[] section : entry.getValue().values()) {
				if (section[1].equals("*")) {
					anyExtended = true;
					Extended ext = decodeExtended(section[0], first ? null : charset);
					if (first) {
						charset = ext.charset;
					}
					bytes.writeBytes(ext.bytes);
				}
				else {
					bytes.writeBytes(section[0].getBytes(StandardCharsets.UTF_8));
					plain.append(section[0]);
				}
				first = false;
			}
			String text = anyExtended ? MailCharsets.decode(bytes.toByteArray(), charset).text()
					: EncodedWords.decode(plain.toString());
			result.put(entry.getKey(), text); // the RFC 2231 form wins over a plain one of the same name
		}
		return result;
	}

	private static Extended decodeExtended(String value, String inheritedCharset) {
		String charset = inheritedCharset;
		String encoded = value;
		int q1 = value.indexOf('\'');
		int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
		if (inheritedCharset == null && q1 >= 0 && q2 > q1) {
			charset = value.substring(0, q1);
			encoded = value.substring(q2 + 1);
		}
		var out = new ByteArrayOutputStream();
		byte[] in = encoded.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < in.length; i++) {
			if (in[i] == '%' && i + 2 < in.length && Character.digit(in[i + 1], 16) >= 0 && Character.digit(in[i + 2], 16) >= 0) {
				out.write(Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
				i += 2;
			}
			else {
				out.write(in[i]);
			}
		}
		byte[] bytes = out.toByteArray();
		return new Extended(charset, bytes, MailCharsets.decode(bytes, charset).text());
	}

	private record Extended(String charset, byte[] bytes, String text) {
	}

	private static boolean isNumber(String s) {
		return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
	}

	private static String unquote(String value) {
		if (value.length() >= 2 && value.startsWith("\"")) {
			int end = value.lastIndexOf('"');
			String inner = value.substring(1, end > 0 ? end : value.length());
			var out = new StringBuilder(inner.length());
			for (int i = 0; i < inner.length(); i++) {
				char c = inner.charAt(i);
				// a backslash escapes the next character, except before a non-ASCII one: Windows paths in raw GBK names
				if (c == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) < 0x80) {
					c = inner.charAt(++i);
				}
				out.append(c);
			}
			return out.toString();
		}
		return value;
	}

	private static int indexOfUnquoted(String text, char wanted, int from) {
		boolean quoted = false;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && quoted) {
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == wanted && !quoted) {
				return i;
			}
		}
		return -1;
	}
}
