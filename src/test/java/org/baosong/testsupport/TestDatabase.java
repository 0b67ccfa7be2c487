package org.baosong.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database the tests run against: a real MySQL-protocol server, MariaDB on 127.0.0.1:3306 by
 * default (override with BAOSONG_TEST_DB_URL, _USER, _PASSWORD), driven through MySQL Connector/J as in
 * production. Each Spring context gets a fresh database, dropped when the test JVM exits.
 *
 * <p>When no server answers: on CI ({@code CI=true}) that is a failure, because CI must prove the schema
 * and the mappers on the real server. On a developer machine that has only a JDK and Maven, the suite
 * runs on H2 in MySQL mode instead and says so loudly; {@link #isReal()} lets a test that is about the
 * real server itself (the migration comparison) stop with an explanation.
 */
public final class TestDatabase {

	private static final String BASE_URL = env("BAOSONG_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/");

	private static final String USER = env("BAOSONG_TEST_DB_USER", "root");

	private static final String PASSWORD = env("BAOSONG_TEST_DB_PASSWORD", "");

	static final String PARAMS = "?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&sslMode=DISABLED"
			+ "&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final List<String> CREATED = new ArrayList<>();

	private static volatile Boolean available;

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated, "drop-test-databases"));
	}

	private TestDatabase() {
	}

	/** Connection settings of a fresh, empty database. */
	public static Settings create() {
		if (!isReal()) {
			String name = "bs" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
			return new Settings("jdbc:h2:mem:" + name
					+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
					"sa", "");
		}
		String name = "baosong_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
		try (Connection c = DriverManager.getConnection(BASE_URL + PARAMS, USER, PASSWORD)) {
			c.createStatement().execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create test database " + name + " at " + BASE_URL, ex);
		}
		synchronized (CREATED) {
			CREATED.add(name);
		}
		return new Settings(BASE_URL + name + PARAMS, USER, PASSWORD);
	}

	/** True when the tests run on the real MySQL-protocol server. */
	public static boolean isReal() {
		if (available == null) {
			synchronized (TestDatabase.class) {
				if (available == null) {
					available = probe();
				}
			}
		}
		return available;
	}

	private static boolean probe() {
		try (Connection c = DriverManager.getConnection(BASE_URL + PARAMS + "&connectTimeout=3000", USER, PASSWORD)) {
			return c.isValid(3);
		}
		catch (SQLException ex) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI must run against the MySQL-protocol server at " + BASE_URL
						+ " and it does not answer (.ci/run starts MariaDB): " + ex.getMessage(), ex);
			}
			System.err.printf("%n*** No MySQL-protocol server at %s (%s).%n*** The tests run on H2 in MySQL mode instead; "
					+ "CI runs them on MariaDB. Start MariaDB (or set BAOSONG_TEST_DB_URL) to test against it here.%n%n",
					BASE_URL, ex.getMessage());
			return false;
		}
	}

	private static void dropCreated() {
		synchronized (CREATED) {
			if (CREATED.isEmpty()) {
				return;
			}
			try (Connection c = DriverManager.getConnection(BASE_URL + PARAMS, USER, PASSWORD)) {
				for (String name : CREATED) {
					c.createStatement().execute("DROP DATABASE IF EXISTS " + name);
				}
			}
			catch (SQLException ex) {
				System.err.println("Could not drop test databases " + CREATED + ": " + ex.getMessage());
			}
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	public record Settings(String url, String username, String password) {
	}
}
