package org.baosong.extraction.parse;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.tika.io.TikaInputStream;

/**
 * The parser process: reads files from stdin, answers on stdout (see {@link Frames}), one file at
 * a time, until stdin closes (the gateway went away). A heartbeat reports the characters read so
 * far every second, so the gateway can tell a slow file from a stuck one. The gateway kills this
 * process on a timeout; the JVM exits itself on OutOfMemoryError (-XX:+ExitOnOutOfMemoryError).
 *
 * <p>Arguments: the scratch directory, then the class names of extra parsers.
 */
public final class WorkerMain {

	private WorkerMain() {
	}

	public static void main(String[] args) throws IOException {
		// stdout carries the protocol; anything a library prints goes to stderr (the worker log)
		OutputStream protocol = new FileOutputStream(FileDescriptor.out);
		System.setOut(System.err);
		Path scratch = Path.of(args[0]);
		Files.createDirectories(scratch);
		List<String> extras = Arrays.asList(args).subList(1, args.length);
		TikaDocumentParser parser = new TikaDocumentParser(extras);
		DataOutputStream out = new DataOutputStream(new BufferedOutputStream(protocol));
		DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 64 * 1024));
		AtomicLong progress = new AtomicLong();
		ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "heartbeat");
			t.setDaemon(true);
			return t;
		});
		heartbeat.scheduleAtFixedRate(() -> send(out, progress), 1, 1, TimeUnit.SECONDS);
		synchronized (out) {
			out.writeByte(Frames.HELLO);
			out.flush();
		}
		while (true) {
			int kind;
			try {
				kind = in.readByte();
			}
			catch (EOFException gatewayGone) {
				System.exit(0);
				return;
			}
			if (kind != Frames.REQUEST) {
				throw new IOException("unexpected frame " + kind);
			}
			ParseLimits limits = Frames.readLimits(in);
			Frames.readString(in); // the declared type: not used for detection, kept for the log
			Path file = Files.createTempFile(scratch, "doc-", ".bin");
			try {
				receive(in, file);
				progress.set(0);
				ParsedDocument result;
				try (TikaInputStream tis = TikaInputStream.get(file)) {
					result = parser.parse(tis, limits, progress);
				}
				synchronized (out) {
					Frames.writeResult(out, result);
					out.flush();
				}
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
	}

	private static void receive(DataInputStream in, Path file) throws IOException {
		try (OutputStream os = Files.newOutputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			int length;
			while ((length = in.readInt()) > 0) {
				while (length > 0) {
					int n = in.read(buffer, 0, Math.min(buffer.length, length));
					if (n < 0) {
						throw new EOFException();
					}
					os.write(buffer, 0, n);
					length -= n;
				}
			}
		}
	}

	private static void send(DataOutputStream out, AtomicLong progress) {
		try {
			synchronized (out) {
				out.writeByte(Frames.PROGRESS);
				out.writeLong(progress.get());
				out.flush();
			}
		}
		catch (IOException gatewayGone) {
			System.exit(0);
		}
	}
}
