package org.baosong.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

import org.baosong.archive.BlobStore;
import org.baosong.archive.BlobStore.StoredBlob;
import org.baosong.mime.MailPart.Role;

/**
 * Writes each leaf part's decoded content into the archive and describes it. Attachments stream
 * straight through (never held in memory); a text body is held up to {@code spillBytes} and decoded,
 * a longer one goes on to the archive whole and only its start is decoded (truncated).
 */
final class PartWriter {

	/** Type detection by content (magic bytes, and the OLE2/ZIP container detectors of the Tika modules). */
	private static final Detector DETECTOR = new DefaultDetector();

	private final BlobStore blobs;

	private final MimeLimits limits;

	private final List<String> notes;

	PartWriter(BlobStore blobs, MimeLimits limits, List<String> notes) {
		this.blobs = blobs;
		this.limits = limits;
		this.notes = notes;
	}

	record Text(MailPart part, String text, boolean truncated) {
	}

	Text text(String path, Role role, String type, String charsetLabel, InputStream in) throws IOException {
		byte[] head = in.readNBytes(limits.spillBytes());
		int next = in.read();
		boolean spilled = next >= 0;
		InputStream whole = spilled
				? new SequenceInputStream(new ByteArrayInputStream(head),
						new SequenceInputStream(new ByteArrayInputStream(new byte[] { (byte) next }), in))
				: new ByteArrayInputStream(head);
		StoredBlob blob = blobs.store(whole);
		MailCharsets.Decoded decoded = MailCharsets.decode(head, charsetLabel);
		if (charsetLabel == null || MailCharsets.forLabel(charsetLabel) != decoded.charset()) {
			if (!MailCharsets.isAscii(head)) {
				notes.add("body " + path + ": " + (charsetLabel == null ? "no charset label" : "labelled " + charsetLabel)
						+ ", decoded as " + decoded.charset().name() + (decoded.lossy() ? " (lossy)" : ""));
			}
		}
		String text = decoded.text();
		boolean truncated = spilled;
		if (text.length() > limits.maxTextChars()) {
			text = text.substring(0, limits.maxTextChars());
			truncated = true;
		}
		var part = new MailPart(path, role, null, null, type, null, decoded.charset().name(), null, blob.size(), blob.sha256());
		return new Text(part, text, truncated);
	}

	MailPart binary(String path, Role role, String type, String filename, String contentId, InputStream in) throws IOException {
		StoredBlob blob = blobs.store(in);
		String fallback = "part-" + path.replace('.', '-') + extensionFor(type);
		return new MailPart(path, role, filename, FileNames.storedName(filename, fallback), type, detect(blob), null,
				contentId, blob.size(), blob.sha256());
	}

	ParsedMail.NestedMessage nested(String path, String type, String filename, InputStream in) throws IOException {
		StoredBlob blob = blobs.store(in);
		var headers = new RawHeaders(notes);
		try (InputStream stored = blobs.open(blob.sha256()).orElseThrow()) {
			var tokens = new MimeTokenStream(MimeConfig.custom().setMaxHeaderCount(limits.maxHeaders())
				.setMaxHeaderLen(limits.maxHeaderLength()).setMaxLineLen(limits.maxLineLength()).build());
			tokens.parse(stored);
			for (EntityState state = tokens.getState(); state != EntityState.T_END_HEADER
					&& state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
				if (state == EntityState.T_FIELD) {
					headers.add(tokens.getField());
				}
			}
		}
		catch (MimeException unreadable) {
			notes.add("forwarded message " + path + ": headers unreadable (" + unreadable.getMessage() + ")");
		}
		String name = filename != null ? filename : headers.text("subject");
		var part = new MailPart(path, Role.NESTED_MESSAGE, name, FileNames.storedName(name, "message-" + path + ".eml"), type,
				"message/rfc822", null, null, blob.size(), blob.sha256());
		return new ParsedMail.NestedMessage(part, headers.text("subject"), AddressParsing.parse(headers.first("from")));
	}

	private String detect(StoredBlob blob) {
		try (InputStream stored = blobs.open(blob.sha256()).orElseThrow(); TikaInputStream tis = TikaInputStream.get(stored)) {
			return DETECTOR.detect(tis, new Metadata()).getBaseType().toString();
		}
		catch (IOException | RuntimeException ex) {
			notes.add("type detection failed for " + blob.sha256() + ": " + ex.getMessage());
			return null;
		}
	}

	private static String extensionFor(String type) {
		return switch (type) {
			case "image/jpeg" -> ".jpg";
			case "image/png" -> ".png";
			case "image/gif" -> ".gif";
			case "text/plain" -> ".txt";
			case "text/html" -> ".html";
			default -> ".bin";
		};
	}
}
