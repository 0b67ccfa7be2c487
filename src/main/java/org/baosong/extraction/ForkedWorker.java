package org.baosong.extraction;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.baosong.extraction.parse.Frames;
import org.baosong.extraction.parse.ParseLimits;
import org.baosong.extraction.parse.ParsedDocument;

/**
 * One parser process and the conversation with it. A reader thread turns the process's stdout
 * into events, so the calling thread can wait with deadlines: the per-file timeout and the
 * no-progress timeout (characters read have not grown). Deadlines use System.nanoTime, a
 * monotonic clock; the injected wall Clock can jump.
 */
final class ForkedWorker {

	/** Exit status of a JVM that stopped on OutOfMemoryError with -XX:+ExitOnOutOfMemoryError. */
	private static final int EXIT_OUT_OF_MEMORY = 3;

	private final Process process;

	private final DataOutputStream toChild;

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private int filesDone;

	private volatile boolean killed;

	private ForkedWorker(Process process) {
		this.process = process;
		this.toChild = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 64 * 1024));
		Thread reader = new Thread(this::readEvents, "extraction-worker-" + process.pid());
		reader.setDaemon(true);
		reader.start();
	}

	/** Starts a process and waits until its parsers are loaded (the "warm" part of the pool). */
	static ForkedWorker start(ProcessBuilder builder, Duration startTimeout) throws IOException {
		ForkedWorker worker = new ForkedWorker(builder.start());
		try {
			Event first = worker.events.poll(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
			if (first instanceof Hello) {
				return worker;
			}
			worker.kill();
			throw new IOException("parser process did not start within " + startTimeout
					+ (first instanceof Died died ? " (exit code " + died.exitCode + ")" : ""));
		}
		catch (InterruptedException ex) {
			worker.kill();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while starting a parser process", ex);
		}
	}

	private void readEvents() {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 64 * 1024))) {
			while (true) {
				byte kind = in.readByte();
				switch (kind) {
					case Frames.HELLO -> events.add(new Hello());
					case Frames.PROGRESS -> events.add(new Progress(in.readLong()));
					case Frames.RESULT -> events.add(new Result(Frames.readResult(in)));
					default -> throw new IOException("unexpected frame " + kind);
				}
			}
		}
		catch (IOException | RuntimeException ended) {
			int exit;
			try {
				// The stream ends as the process exits: give it a moment to finish exiting on its own, so its
				// exit status says why (3: out of memory). Killing it at once would report every death as 137.
				if (!process.waitFor(5, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
				exit = process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				exit = -1;
			}
			events.add(new Died(exit));
		}
	}

	/**
	 * Sends the file and waits for its result. A timeout kills the process; so does a crash. Either
	 * way the caller gets a status for this file and must not reuse this worker.
	 */
	ParsedDocument parse(InputStream content, ParseLimits limits, Duration timeout, Duration noProgressTimeout)
			throws IOException, InterruptedException {
		filesDone++;
		events.removeIf(e -> e instanceof Progress);
		send(content, limits);
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		long lastChars = -1;
		long lastChange = start;
		while (true) {
			long now = System.nanoTime();
			if (now >= deadline) {
				kill();
				return ParsedDocument.failure(ExtractionStatus.TIMEOUT, null,
						"no result within " + timeout.toSeconds() + " s: the parser process was stopped");
			}
			if (now - lastChange >= noProgressTimeout.toNanos()) {
				kill();
				return ParsedDocument.failure(ExtractionStatus.TIMEOUT, null, "no progress for "
						+ noProgressTimeout.toSeconds() + " s: the parser process was stopped");
			}
			Event event = events.poll(Math.min(deadline, lastChange + noProgressTimeout.toNanos()) - now,
					TimeUnit.NANOSECONDS);
			if (event instanceof Result result) {
				return result.document;
			}
			if (event instanceof Progress progress && progress.chars != lastChars) {
				lastChars = progress.chars;
				lastChange = System.nanoTime();
			}
			if (event instanceof Died died) {
				events.add(died); // stays dead for alive()
				return ParsedDocument.failure(ExtractionStatus.FAILED, null, died.exitCode == EXIT_OUT_OF_MEMORY
						? "the parser process ran out of memory (memory cap reached)"
						: "the parser process ended unexpectedly (exit code " + died.exitCode + ")");
			}
		}
	}

	private void send(InputStream content, ParseLimits limits) throws IOException {
		Frames.writeRequestHeader(toChild, limits, "");
		byte[] buffer = new byte[64 * 1024];
		int n;
		while ((n = content.read(buffer)) > 0) {
			try {
				toChild.writeInt(n);
				toChild.write(buffer, 0, n);
			}
			catch (IOException ex) {
				throw new NotDelivered(ex);
			}
		}
		try {
			toChild.writeInt(0);
			toChild.flush();
		}
		catch (IOException ex) {
			throw new NotDelivered(ex);
		}
	}

	boolean alive() {
		return !killed && process.isAlive() && events.stream().noneMatch(e -> e instanceof Died);
	}

	int filesDone() {
		return filesDone;
	}

	long pid() {
		return process.pid();
	}

	void kill() {
		killed = true;
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
	}

	/** Asks the process to finish (stdin closed), then makes sure it has. */
	void stop() {
		try {
			toChild.close();
			if (!process.waitFor(2, TimeUnit.SECONDS)) {
				kill();
			}
		}
		catch (IOException ex) {
			kill();
		}
		catch (InterruptedException ex) {
			kill();
			Thread.currentThread().interrupt();
		}
	}

	/** The process was gone before it had the whole file: the file is not to blame, another process may try. */
	static final class NotDelivered extends IOException {

		private static final long serialVersionUID = 1L;

		NotDelivered(IOException cause) {
			super("the parser process did not take the file: " + cause.getMessage(), cause);
		}
	}

	private sealed interface Event permits Hello, Progress, Result, Died {
	}

	private record Hello() implements Event {
	}

	private record Progress(long chars) implements Event {
	}

	private record Result(ParsedDocument document) implements Event {
	}

	private record Died(int exitCode) implements Event {
	}

}
