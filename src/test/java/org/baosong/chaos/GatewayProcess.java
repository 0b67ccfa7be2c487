package org.baosong.chaos;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway in a JVM of its own, started as production starts it, so that it can be killed with
 * SIGKILL (no shutdown hook, no finally block, no flush) and started again on the same data directory
 * and database. From the executable jar ({@code java -jar}) or from the class path of the JVM that runs
 * this (tests: the Boot main class with the test class path, so that test parsers can be loaded).
 * Each start writes its console to {@code console-N.log} in the data directory.
 */
public final class GatewayProcess implements AutoCloseable {

	private static final String READY = "Baosong is ready";

	private final List<String> launch;

	private final List<String> arguments;

	private final Path dataDir;

	private final int httpPort;

	private Process process;

	private int starts;

	private Path console;

	private GatewayProcess(List<String> launch, List<String> arguments, Path dataDir, int httpPort) {
		this.launch = launch;
		this.arguments = arguments;
		this.dataDir = dataDir;
		this.httpPort = httpPort;
	}

	/**
	 * A gateway on a fresh data directory and a free HTTP port.
	 *
	 * @param jar       the executable jar, or null for the Boot main class on this JVM's class path
	 * @param heap      the -Xmx of the gateway (e.g. "512m")
	 * @param arguments Spring Boot arguments ({@code --key=value}) beyond data directory and port
	 */
	public static GatewayProcess create(Path jar, String heap, List<String> jvmOptions, List<String> arguments) throws IOException {
		Path dataDir = Files.createTempDirectory("baosong-chaos-");
		int port = freePort();
		var launch = new ArrayList<String>();
		launch.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		launch.add("-Xmx" + heap);
		launch.add("-Dfile.encoding=UTF-8");
		launch.addAll(jvmOptions);
		if (jar != null) {
			launch.add("-jar");
			launch.add(jar.toAbsolutePath().toString());
		}
		else {
			launch.add("-cp");
			launch.add(absoluteClassPath());
			launch.add("org.baosong.BaosongApplication");
		}
		var args = new ArrayList<String>();
		args.add("--server.port=" + port);
		args.add("--baosong.data-dir=" + dataDir);
		args.addAll(arguments);
		return new GatewayProcess(launch, args, dataDir, port);
	}

	/** Starts the gateway and waits until it says it is ready (or fails, naming why, with its console). */
	public void start(Duration timeout) throws IOException {
		if (process != null && process.isAlive()) {
			throw new IllegalStateException("already running (pid " + process.pid() + ")");
		}
		starts++;
		console = dataDir.resolve("console-" + starts + ".log");
		var command = new ArrayList<>(launch);
		command.addAll(arguments);
		process = new ProcessBuilder(command).directory(new File(".").getAbsoluteFile()).redirectErrorStream(true)
			.redirectOutput(console.toFile()).start();
		try {
			ChaosHarness.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
				String text = Files.readString(console, StandardCharsets.UTF_8);
				if (text.contains(READY)) {
					return true;
				}
				if (!process.isAlive() || text.contains("APPLICATION FAILED TO START")) {
					throw new IllegalStateException("the gateway did not start (exit "
							+ (process.isAlive() ? "-" : process.exitValue()) + "):\n" + tail(text, 60));
				}
				return false;
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new IllegalStateException("the gateway was not ready within " + timeout + ":\n" + tail(Files.readString(console), 40));
		}
	}

	/** kill -9: the JVM ends at once, whatever it was doing. Its parser processes are left to notice on their own. */
	public void kill() {
		if (process == null) {
			return;
		}
		process.destroyForcibly();
		try {
			process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A normal stop (SIGTERM: graceful shutdown), waiting for the JVM to end. */
	public void stop() {
		if (process == null || !process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public boolean isAlive() {
		return process != null && process.isAlive();
	}

	public long pid() {
		return process.pid();
	}

	/** The parser processes and any other children the gateway started, still running. */
	public List<ProcessHandle> children() {
		return process == null ? List.of() : process.descendants().filter(ProcessHandle::isAlive).toList();
	}

	public int httpPort() {
		return httpPort;
	}

	public Path dataDir() {
		return dataDir;
	}

	public Path console() {
		return console;
	}

	public int starts() {
		return starts;
	}

	/** The gateway's peak resident set so far (VmHWM), in KiB; -1 where /proc is not there. */
	public long peakRssKiB() {
		return procStatus("VmHWM:");
	}

	/** The gateway's resident set now (VmRSS), in KiB; -1 where /proc is not there. */
	public long rssKiB() {
		return procStatus("VmRSS:");
	}

	private long procStatus(String key) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
				if (line.startsWith(key)) {
					return Long.parseLong(line.substring(key.length()).replace("kB", "").strip());
				}
			}
		}
		catch (IOException | RuntimeException gone) {
			// not Linux, or the process ended
		}
		return -1;
	}

	/** GET on the gateway's own port; the status code, or -1 when nothing answers. */
	public int httpStatus(String path) {
		try {
			var response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** Lines of the console of the current start that contain {@code text}. */
	public List<String> consoleLines(String text) {
		try {
			return Files.readAllLines(console, StandardCharsets.UTF_8).stream().filter(l -> l.contains(text)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stops the gateway and deletes its data directory, after copying its consoles to {@code keepConsolesIn} (when given). */
	public void close(Path keepConsolesIn) throws IOException {
		stop();
		if (keepConsolesIn != null) {
			Files.createDirectories(keepConsolesIn);
			try (var consoles = Files.newDirectoryStream(dataDir, "console-*.log")) {
				for (Path file : consoles) {
					Files.copy(file, keepConsolesIn.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		try (var files = Files.walk(dataDir)) {
			for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	@Override
	public void close() {
		stop();
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static String absoluteClassPath() {
		return String.join(File.pathSeparator, java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map(entry -> Path.of(entry).toAbsolutePath().toString()).toList());
	}

	static String tail(String text, int lines) {
		var all = text.lines().toList();
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}
}
