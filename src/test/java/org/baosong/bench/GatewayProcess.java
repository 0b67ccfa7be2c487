package org.baosong.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway under test: the application's own main class ({@code org.baosong.BaosongApplication}) in a
 * JVM of its own, started from the compiled classes and the runtime class path, with the shipped
 * config/application.yml and the settings of the run as command-line properties. A process of its own,
 * so that its CPU time and resident memory (and its parser processes') are its own, measured from
 * /proc, and so that W4 can run it with {@code -Xmx256m}.
 */
final class GatewayProcess implements AutoCloseable {

	static final String ADMIN_PASSWORD = "bench-admin-password";

	private final Process process;

	private final int port;

	private final Path log;

	private GatewayProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * @param jvmOptions JVM options (heap, GC, JFR ...)
	 * @param classPath  the gateway's class path: target/classes and the runtime dependencies
	 * @param properties Spring properties, passed as --name=value
	 * @param log        where its console output goes
	 */
	static GatewayProcess start(List<String> jvmOptions, String classPath, Map<String, String> properties, Path log) throws IOException {
		int port = freePort();
		var command = new ArrayList<String>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-Dfile.encoding=UTF-8");
		command.add("-cp");
		command.add(classPath);
		command.add("org.baosong.BaosongApplication");
		command.add("--server.port=" + port);
		command.add("--server.address=127.0.0.1");
		properties.forEach((k, v) -> command.add("--" + k + "=" + v));
		Files.createDirectories(log.getParent());
		var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new GatewayProcess(process, port, log);
	}

	long pid() {
		return process.pid();
	}

	Path log() {
		return log;
	}

	/** Waits until the health endpoint answers UP. */
	void awaitReady(Duration timeout) throws Exception {
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the gateway ended with exit code " + process.exitValue() + " while starting; see " + log);
			}
			try {
				var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("the gateway did not become ready within " + timeout + "; see " + log);
	}

	/** SIGTERM (graceful shutdown), then SIGKILL after a minute; parser processes left behind are ended too. */
	@Override
	public void close() throws InterruptedException {
		var children = ProcStats.descendants(process.pid());
		process.destroy();
		if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
		}
		for (ProcessHandle child : children) {
			if (child.isAlive()) {
				child.destroyForcibly();
			}
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}
}
