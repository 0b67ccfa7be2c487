package org.baosong;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.baosong.testsupport.TestDatabase;

/**
 * The Flyway migrations apply from empty on the real MySQL-protocol server (MariaDB here, MySQL 8 in
 * production) and on H2 in MySQL mode (the embedded default), and give the same schema: the same
 * tables and columns with the same nullability and kind of type, and the same named unique and
 * foreign-key constraints.
 */
class SchemaMigrationTest {

	private static final Set<String> CORE_TABLES = Set.of("mailbox", "mailbox_cursor", "inbound_mail", "inbound_part", "unit",
			"unit_alias", "informant", "informant_address", "submission", "submission_event", "outbound_mail", "score_entry",
			"app_user");

	@Test
	void migrationsGiveTheSameSchemaOnMariaDbAndOnH2() throws SQLException {
		Assumptions.assumeTrue(TestDatabase.isReal(),
				"needs the MySQL-protocol server (CI always has it; TestDatabase fails CI when it is missing)");
		var maria = TestDatabase.create();
		var h2 = new TestDatabase.Settings(
				"jdbc:h2:mem:schema_cmp;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1", "sa", "");

		migrate(maria);
		migrate(h2);

		try (Connection m = connect(maria); Connection h = connect(h2)) {
			Set<String> mariaColumns = columns(m, "SELECT table_name, column_name, is_nullable, data_type "
					+ "FROM information_schema.columns WHERE table_schema = DATABASE()");
			Set<String> h2Columns = columns(h, "SELECT table_name, column_name, is_nullable, data_type "
					+ "FROM information_schema.columns WHERE table_schema = 'public'");
			assertThat(tables(mariaColumns)).containsAll(CORE_TABLES);
			assertThat(h2Columns).containsExactlyInAnyOrderElementsOf(mariaColumns);

			String constraints = "SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints "
					+ "WHERE constraint_type IN ('UNIQUE', 'FOREIGN KEY') AND table_schema = ";
			Set<String> mariaConstraints = rows(m, constraints + "DATABASE()");
			Set<String> h2Constraints = rows(h, constraints + "'public'");
			assertThat(mariaConstraints).contains("inbound_mail uk_inbound_uid UNIQUE", "inbound_mail uk_inbound_sha UNIQUE",
					"outbound_mail uk_outbound_dedup UNIQUE", "informant_address uk_address_key UNIQUE");
			assertThat(h2Constraints).containsExactlyInAnyOrderElementsOf(mariaConstraints);
		}
	}

	@Test
	void theSchemaIsUtf8mb4OnTheRealServer() throws SQLException {
		Assumptions.assumeTrue(TestDatabase.isReal(), "needs the MySQL-protocol server");
		var maria = TestDatabase.create();
		migrate(maria);
		try (Connection m = connect(maria)) {
			// a four-byte character (𠀋, CJK Extension B) and a GBK-only one (镕) must survive a round trip
			m.createStatement().execute("INSERT INTO app_user (username, display_name, password_hash, roles, enabled, created_at,"
					+ " updated_at) VALUES ('u1', '𠀋镕喆', 'x', 'VIEWER', TRUE, NOW(3), NOW(3))");
			var rs = m.createStatement().executeQuery("SELECT display_name FROM app_user WHERE username = 'u1'");
			rs.next();
			assertThat(rs.getString(1)).isEqualTo("𠀋镕喆");
		}
	}

	private static void migrate(TestDatabase.Settings db) {
		Flyway.configure().dataSource(db.url(), db.username(), db.password()).locations("classpath:db/migration").load().migrate();
	}

	private static Connection connect(TestDatabase.Settings db) throws SQLException {
		return DriverManager.getConnection(db.url(), db.username(), db.password());
	}

	private static Set<String> columns(Connection c, String sql) throws SQLException {
		var out = new TreeSet<String>();
		try (var rs = c.createStatement().executeQuery(sql)) {
			while (rs.next()) {
				String table = rs.getString(1).toLowerCase(Locale.ROOT);
				if (!table.equals("flyway_schema_history")) {
					out.add(table + "." + rs.getString(2).toLowerCase(Locale.ROOT) + " null=" + rs.getString(3) + " "
							+ family(rs.getString(4)));
				}
			}
		}
		return out;
	}

	private static Set<String> rows(Connection c, String sql) throws SQLException {
		var out = new TreeSet<String>();
		try (var rs = c.createStatement().executeQuery(sql)) {
			while (rs.next()) {
				out.add(rs.getString(1).toLowerCase(Locale.ROOT) + " " + rs.getString(2).toLowerCase(Locale.ROOT) + " "
						+ rs.getString(3));
			}
		}
		return out;
	}

	private static Set<String> tables(Set<String> columns) {
		var out = new TreeSet<String>();
		columns.forEach(c -> out.add(c.substring(0, c.indexOf('.'))));
		return out;
	}

	/** The two servers spell types differently (varchar / CHARACTER VARYING); compare the kind. */
	static String family(String type) {
		String t = type.toLowerCase(Locale.ROOT);
		if (t.contains("blob") || t.contains("binary large object")) {
			return "binary";
		}
		if (t.contains("char") || t.contains("text") || t.contains("clob")) {
			return "text";
		}
		if (t.equals("bigint") || t.equals("int") || t.equals("integer") || t.equals("smallint")) {
			return "integer";
		}
		if (t.contains("tinyint") || t.contains("bool")) {
			return "boolean";
		}
		if (t.contains("decimal") || t.contains("numeric")) {
			return "decimal";
		}
		if (t.contains("datetime") || t.contains("timestamp")) {
			return "datetime";
		}
		if (t.equals("date")) {
			return "date";
		}
		return t;
	}
}
