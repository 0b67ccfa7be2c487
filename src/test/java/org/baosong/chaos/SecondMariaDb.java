package org.baosong.chaos;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of its own for a fault-injection run, which the run may stop and start: its own data
 * directory, socket and loopback port (3307 by default), root without a password on loopback. The
 * MariaDB other tests use (3306) is never touched. Needs mariadb-install-db and mariadbd on the PATH or
 * in /usr/bin, /usr/sbin.
 */
final class SecondMariaDb implements AutoCloseable {

	static final String PARAMS = "?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&sslMode=DISABLED"
			+ "&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&connectTimeout=5000";

	private final Path dir;

	private final int port;

	private Process server;

	SecondMariaDb(Path dir, int port) {
		this.dir = dir.toAbsolutePath();
		this.port = port;
	}

	int port() {
		return port;
	}

	/** Creates the data directory (mariadb-install-db) and starts the server. Fails when the port is taken. */
	void installAndStart() throws IOException, InterruptedException {
		if (answers()) {
			throw new IllegalStateException("something already listens on 127.0.0.1:" + port
					+ ": the run needs a MariaDB it may stop; choose another port (--db-port)");
		}
		Files.createDirectories(dir);
		var install = new ArrayList<>(List.of(binary("mariadb-install-db"), "--no-defaults", "--datadir=" + dir.resolve("data"),
				"--auth-root-authentication-method=normal", "--skip-test-db"));
		install.addAll(userOption());
		run(install, dir.resolve("install.log"));
		start();
	}

	/** Starts the server and waits until it accepts connections. */
	void start() throws IOException {
		var command = new ArrayList<>(List.of(binary("mariadbd"), "--no-defaults", "--datadir=" + dir.resolve("data"),
				"--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"),
				"--pid-file=" + dir.resolve("mysqld.pid"), "--innodb-buffer-pool-size=256M", "--max-connections=200",
				"--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"));
		command.addAll(userOption());
		server = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.log").toFile())).start();
		try {
			ChaosHarness.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
				if (!server.isAlive()) {
					throw new IllegalStateException("mariadbd ended (exit " + server.exitValue() + "), see " + dir.resolve("mariadbd.log"));
				}
				try (Connection c = DriverManager.getConnection(url(""), "root", "")) {
					return c.isValid(2);
				}
				catch (SQLException notYet) {
					return false;
				}
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new IllegalStateException("mariadbd on port " + port + " did not answer within 60 s, see " + dir.resolve("mariadbd.log"));
		}
	}

	/** A normal shutdown (SIGTERM), waiting until the server has ended: clients see their connections closed and new ones refused. */
	void stop() throws InterruptedException {
		if (server == null || !server.isAlive()) {
			return;
		}
		server.destroy();
		if (!server.waitFor(120, TimeUnit.SECONDS)) {
			server.destroyForcibly();
			server.waitFor(30, TimeUnit.SECONDS);
		}
	}

	void createDatabase(String name) throws SQLException {
		try (Connection c = DriverManager.getConnection(url(""), "root", "")) {
			c.createStatement().execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
	}

	String url(String database) {
		return "jdbc:mysql://127.0.0.1:" + port + "/" + database + PARAMS;
	}

	private boolean answers() {
		try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			return true;
		}
		catch (IOException none) {
			return false;
		}
	}

	/** mariadbd refuses to run as root unless told to. */
	private static List<String> userOption() {
		return List.of("--user=" + System.getProperty("user.name"));
	}

	private static String binary(String name) {
		for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin")) {
			if (Files.isExecutable(Path.of(dir, name))) {
				return Path.of(dir, name).toString();
			}
		}
		return name;
	}

	private static void run(List<String> command, Path log) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed, see " + log);
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}
}
