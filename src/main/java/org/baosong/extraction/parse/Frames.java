package org.baosong.extraction.parse;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.baosong.extraction.ExtractionStatus;

/**
 * The wire format between the gateway and a parser process, over the process's stdin/stdout.
 * Plain data streams rather than Java serialization: a hostile parser result must not be able to
 * make the gateway instantiate classes.
 * <pre>
 * child  -> parent: 'H' (ready) | 'P' long (characters so far, every second) | 'R' result
 * parent -> child : 'Q' limits declaredType, then chunks (int length, bytes), length 0 ends the file
 * </pre>
 */
public final class Frames {

	public static final byte HELLO = 'H';

	public static final byte PROGRESS = 'P';

	public static final byte RESULT = 'R';

	public static final byte REQUEST = 'Q';

	/** A string longer than this in a result is a broken stream, not a document. */
	private static final int MAX_STRING_BYTES = 64 * 1024 * 1024;

	private Frames() {
	}

	public static void writeRequestHeader(DataOutputStream out, ParseLimits limits, String declaredType) throws IOException {
		out.writeByte(REQUEST);
		out.writeInt(limits.writeLimit());
		out.writeInt(limits.maxEmbeddedDepth());
		out.writeInt(limits.maxEmbeddedCount());
		out.writeInt(limits.maxCompressionRatio());
		writeString(out, declaredType);
	}

	public static ParseLimits readLimits(DataInputStream in) throws IOException {
		return new ParseLimits(in.readInt(), in.readInt(), in.readInt(), in.readInt());
	}

	public static void writeResult(DataOutputStream out, ParsedDocument doc) throws IOException {
		out.writeByte(RESULT);
		out.writeUTF(doc.status().name());
		writeString(out, doc.detectedType());
		writeString(out, doc.metadataTitle());
		writeList(out, doc.pages());
		out.writeBoolean(doc.paged());
		writeList(out, doc.headings());
		writeString(out, doc.headerFooter());
		out.writeInt(doc.pageCount());
		out.writeBoolean(doc.truncated());
		out.writeBoolean(doc.encrypted());
		writeList(out, doc.warnings());
	}

	/** Reads a result after its 'R' byte. */
	public static ParsedDocument readResult(DataInputStream in) throws IOException {
		ExtractionStatus status = ExtractionStatus.valueOf(in.readUTF());
		return new ParsedDocument(status, readString(in), readString(in), readList(in), in.readBoolean(), readList(in),
				readString(in), in.readInt(), in.readBoolean(), in.readBoolean(), readList(in));
	}

	public static void writeString(DataOutputStream out, String s) throws IOException {
		if (s == null) {
			out.writeInt(-1);
			return;
		}
		byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	public static String readString(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0) {
			return null;
		}
		if (length > MAX_STRING_BYTES) {
			throw new IOException("string of " + length + " bytes in a parser result");
		}
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

	private static void writeList(DataOutputStream out, List<String> list) throws IOException {
		out.writeInt(list.size());
		for (String s : list) {
			writeString(out, s);
		}
	}

	private static List<String> readList(DataInputStream in) throws IOException {
		int size = in.readInt();
		if (size < 0 || size > 1_000_000) {
			throw new IOException("list of " + size + " entries in a parser result");
		}
		List<String> list = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			String s = readString(in);
			list.add(s == null ? "" : s);
		}
		return list;
	}
}
