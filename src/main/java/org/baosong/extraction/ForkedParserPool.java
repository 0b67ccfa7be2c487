package org.baosong.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Semaphore;

import org.baosong.extraction.ExtractionProperties.Pool;
import org.baosong.extraction.parse.ParseLimits;
import org.baosong.extraction.parse.ParsedDocument;
import org.baosong.extraction.parse.WorkerMain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool of warm parser processes. Processes start on first use, not with the gateway (the
 * application's tests boot it many times and rarely extract), each serves one file at a time,
 * and is replaced after a crash, a timeout or {@code max-files-per-process} files. A process near
 * its last files has its successor started in the background, so that the file after the last
 * does not wait for a JVM to start; it reads a small docx and PDF first, so that its first report does
 * not wait for their parsers' classes to load. Those waits (about 2 s, then 1 s) were the latency
 * benchmark's p99 (docs/PERFORMANCE.md). Closing the pool stops them all.
 */
final class ForkedParserPool implements ParseBackend {

	private static final Logger log = LoggerFactory.getLogger(ForkedParserPool.class);

	private final ExtractionProperties properties;

	private final Path workDir;

	private final Semaphore permits;

	private final LinkedBlockingDeque<ForkedWorker> idle = new LinkedBlockingDeque<>();

	/** Successors being started and warmed up; a file that finds no idle process waits for one of them. */
	private final AtomicInteger starting = new AtomicInteger();

	private final Set<ForkedWorker> all = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	/** Workers whose successor has been asked for (each gets at most one). */
	private final Set<ForkedWorker> succeeded = ConcurrentHashMap.newKeySet();

	ForkedParserPool(ExtractionProperties properties, Path workDir) {
		this.properties = properties;
		this.workDir = workDir;
		this.permits = new Semaphore(properties.pool().size(), true);
	}

	@Override
	public ParsedDocument parse(InputStream content, ParseLimits limits) {
		try {
			permits.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ParsedDocument.failure(ExtractionStatus.FAILED, null, "interrupted while waiting for a parser process");
		}
		ForkedWorker worker = null;
		try {
			if (closed) {
				return ParsedDocument.failure(ExtractionStatus.FAILED, null, "extraction is shutting down");
			}
			worker = borrow();
			if (!content.markSupported()) {
				content = new java.io.BufferedInputStream(content, 64 * 1024);
			}
			content.mark(64 * 1024);
			try {
				return worker.parse(content, limits, properties.timeout(), properties.noProgressTimeout());
			}
			catch (ForkedWorker.NotDelivered ex) {
				// an idle process that died since its last file: once more with a fresh one, if the stream allows
				worker.kill();
				giveBack(worker);
				worker = null;
				content.reset();
				worker = borrow();
				return worker.parse(content, limits, properties.timeout(), properties.noProgressTimeout());
			}
		}
		catch (IOException ex) {
			if (worker != null) {
				worker.kill();
			}
			return ParsedDocument.failure(ExtractionStatus.FAILED, null, "parser process failed: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			if (worker != null) {
				worker.kill();
			}
			return ParsedDocument.failure(ExtractionStatus.FAILED, null, "interrupted while parsing");
		}
		finally {
			if (worker != null) {
				giveBack(worker);
			}
			permits.release();
		}
	}

	private ForkedWorker borrow() throws IOException, InterruptedException {
		ForkedWorker worker;
		while ((worker = idle.pollFirst()) != null) {
			if (worker.alive()) {
				return worker;
			}
			all.remove(worker);
		}
		// a successor on its way is faster than a process started now; if its start fails, start one here
		long deadline = System.nanoTime() + properties.pool().startTimeout().toNanos();
		while (starting.get() > 0 && System.nanoTime() < deadline) {
			worker = idle.pollFirst(50, TimeUnit.MILLISECONDS);
			if (worker != null && worker.alive()) {
				return worker;
			}
			if (worker != null) {
				all.remove(worker);
			}
		}
		Files.createDirectories(workDir.resolve("tmp"));
		ForkedWorker started = ForkedWorker.start(command(), properties.pool().startTimeout());
		all.add(started);
		log.info("Started parser process {} ({} running)", started.pid(), all.size());
		return started;
	}

	private void giveBack(ForkedWorker worker) {
		int max = properties.pool().maxFilesPerProcess();
		if (!closed && worker.alive() && worker.filesDone() >= max - successorLead(max) && succeeded.add(worker)) {
			startSuccessor();
		}
		if (closed || !worker.alive() || worker.filesDone() >= max) {
			all.remove(worker);
			succeeded.remove(worker);
			worker.stop();
			return;
		}
		// first in line: a worker serves until its last file while its successor waits behind it
		idle.addFirst(worker);
	}

	/** How many files before its last a worker's successor is started: a tenth of its files, at most 50. */
	static int successorLead(int maxFilesPerProcess) {
		return Math.max(1, Math.min(50, maxFilesPerProcess / 10));
	}

	private void startSuccessor() {
		starting.incrementAndGet();
		Thread starter = new Thread(() -> {
			try {
				Files.createDirectories(workDir.resolve("tmp"));
				ForkedWorker started = ForkedWorker.start(command(), properties.pool().startTimeout());
				warmUp(started);
				if (closed || !started.alive()) {
					started.stop();
					return;
				}
				// counted among the processes once it is ready to serve
				all.add(started);
				idle.addLast(started);
				log.info("Started parser process {} ahead of its predecessor's last file ({} running)", started.pid(), all.size());
				if (closed) {
					all.remove(started);
					started.stop();
				}
			}
			catch (IOException | RuntimeException ex) {
				// the next file starts one itself, as without a successor
				log.warn("Could not start a parser process ahead: {}", ex.toString());
			}
			finally {
				starting.decrementAndGet();
			}
		}, "parser-successor");
		starter.setDaemon(true);
		starter.start();
	}

	/** The successor reads a small docx and PDF first, so that its first report does not pay for loading their parsers. */
	private void warmUp(ForkedWorker worker) {
		var limits = new ParseLimits(properties.writeLimit(), properties.maxEmbeddedDepth(), properties.maxEmbeddedCount(),
				properties.maxCompressionRatio());
		try {
			for (byte[] document : WarmUpDocuments.all()) {
				worker.parse(new java.io.ByteArrayInputStream(document), limits, properties.timeout(), properties.noProgressTimeout());
			}
		}
		catch (IOException ex) {
			log.warn("Parser process {} not warmed up: {}", worker.pid(), ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private ProcessBuilder command() {
		Pool pool = properties.pool();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx" + properties.memory().toMegabytes() + "m");
		command.add("-XX:+ExitOnOutOfMemoryError");
		command.add("-XX:+UseSerialGC");
		command.add("-Xss4m"); // deep documents recurse; a stack overflow should be an error we catch, not a crash
		command.add("-Djava.io.tmpdir=" + workDir.resolve("tmp"));
		command.add("-Djava.awt.headless=true");
		command.add("-Dfile.encoding=UTF-8");
		command.addAll(pool.jvmOptions());
		command.addAll(ClassPath.launch(WorkerMain.class));
		command.add(workDir.resolve("tmp").toString());
		command.addAll(properties.extraParsers());
		return new ProcessBuilder(command).directory(workDir.toFile())
			.redirectError(ProcessBuilder.Redirect.appendTo(workDir.resolve("parser.log").toFile()));
	}

	/** The processes running now, for tests and the health of the pool. */
	List<ProcessHandle> processes() {
		return all.stream().map(w -> ProcessHandle.of(w.pid())).flatMap(java.util.Optional::stream).toList();
	}

	@Override
	public void close() {
		closed = true;
		for (ForkedWorker worker : all) {
			worker.stop();
		}
		all.clear();
		idle.clear();
		succeeded.clear();
	}
}
