package org.baosong.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * The header fields of one entity, each value turned into text from its raw bytes: ASCII as it is,
 * raw 8-bit text (no encoding at all, as some clients send) by the charset strategy. Encoded-words
 * are left for the reader of each field to decode, since addresses and parameters decode differently.
 */
final class RawHeaders {

	private final List<String> names = new ArrayList<>();

	private final List<String> values = new ArrayList<>();

	private final List<String> notes;

	RawHeaders(List<String> notes) {
		this.notes = notes;
	}

	void add(Field field) {
		String name = field.getName().strip();
		byte[] raw = valueBytes(field);
		MailCharsets.Decoded decoded = MailCharsets.decodeUnlabelled(raw);
		if (decoded.charset() != java.nio.charset.StandardCharsets.US_ASCII) {
			notes.add("header " + name + ": raw 8-bit text decoded as " + decoded.charset().name()
					+ (decoded.lossy() ? " (lossy)" : ""));
		}
		names.add(name.toLowerCase(Locale.ROOT));
		values.add(decoded.text().strip());
	}

	int size() {
		return names.size();
	}

	/** The first value of a field, as text (encoded-words not yet decoded), or null. */
	String first(String name) {
		int i = names.indexOf(name);
		return i < 0 ? null : values.get(i);
	}

	List<String> all(String name) {
		var out = new ArrayList<String>();
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).equals(name)) {
				out.add(values.get(i));
			}
		}
		return out;
	}

	/** An unstructured field (Subject, Return-Path, List-Id ...) decoded, or null. */
	String text(String name) {
		String value = first(name);
		return value == null ? null : EncodedWords.decode(value).strip();
	}

	/** The raw bytes of the value, unfolded (RFC 5322 2.2.3: remove the CRLF, keep the white space). */
	private static byte[] valueBytes(Field field) {
		ByteSequence raw = field.getRaw();
		byte[] bytes = raw != null ? raw.toByteArray() : field.getBody().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		int start = 0;
		if (raw != null) {
			while (start < bytes.length && bytes[start] != ':') {
				start++;
			}
			start++;
		}
		var out = new java.io.ByteArrayOutputStream(bytes.length);
		for (int i = start; i < bytes.length; i++) {
			if (bytes[i] == '\r' || bytes[i] == '\n') {
				continue;
			}
			out.write(bytes[i]);
		}
		return out.toByteArray();
	}
}
