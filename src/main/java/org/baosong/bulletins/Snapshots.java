package org.baosong.bulletins;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import tools.jackson.databind.json.JsonMapper;

/**
 * A bulletin's content as stored: JSON, gzip-compressed (a quarter of 500 units' explanations, which the
 * snapshots written before ADR 0025 was amended hold, is a few megabytes of JSON and a tenth of that
 * compressed), with the SHA-256 of the JSON so that what was published can be proven unchanged.
 */
final class Snapshots {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Snapshots() {
	}

	record Stored(byte[] gzip, String sha256) {
	}

	static Stored write(BulletinContent content) {
		byte[] json = JSON.writeValueAsBytes(content);
		var out = new ByteArrayOutputStream(json.length / 8 + 64);
		try (var gzip = new GZIPOutputStream(out)) {
			gzip.write(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Stored(out.toByteArray(), sha256(json));
	}

	static BulletinContent read(byte[] gzip) {
		try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
			return JSON.readValue(in.readAllBytes(), BulletinContent.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
