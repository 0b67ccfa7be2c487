package org.baosong.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * NEAR_DUPLICATE by band index decides as a scan of every hash in the window does: on random hashes with
 * near ones planted at 0 to 9 bits, in and out of the window, the closest (then earliest) within 6 bits is the
 * same, for every query. The rows get their bands from V24's backfill, so that is proven on this server too.
 */
@GatewayTest
class NearDuplicateTest {

	static final Instant NOW = Instant.parse("2031-06-30T04:00:00Z");

	static final Instant SINCE = NOW.minus(Duration.ofDays(90));

	static final String PREFIX = "NDT-";

	@Autowired
	Submissions submissions;

	@Autowired
	JdbcTemplate jdbc;

	record Row(long simhash, Instant receivedAt) {
	}

	@AfterEach
	void removeRows() {
		jdbc.update("DELETE FROM submission WHERE tracking_no LIKE ?", PREFIX + "%");
	}

	@Test
	void theBandIndexFindsWhatAScanOfTheWindowFinds() throws Exception {
		var random = new Random(20261122);
		var rows = new ArrayList<Row>();
		for (int i = 0; i < 2_000; i++) {
			rows.add(new Row(random.nextLong(), randomTime(random)));
		}
		var queries = new ArrayList<Long>();
		for (int q = 0; q < 400; q++) {
			long query = random.nextLong();
			queries.add(query);
			if (q % 4 != 3) {
				for (int planted = 1 + random.nextInt(3); planted > 0; planted--) {
					rows.add(new Row(flip(query, random.nextInt(10), random), randomTime(random)));
				}
			}
		}
		// several at the same distance and time: the tie goes to the first filed
		long tied = random.nextLong();
		queries.add(tied);
		Instant at = NOW.minus(Duration.ofDays(3));
		rows.add(new Row(flip(tied, 4, random), at));
		rows.add(new Row(flip(tied, 4, random), at));
		insertWithoutBands(rows);
		backfillAsV24Does();

		var found = new TreeMap<Integer, Integer>();
		for (long query : queries) {
			Optional<EditorialMapper.Similar> expected = scan(query);
			assertThat(submissions.nearDuplicateOf(query, SINCE)).as("query %016x", query)
				.isEqualTo(expected.map(EditorialMapper.Similar::trackingNo));
			expected.ifPresent(e -> found.merge(SimHash.distance(e.simhash(), query), 1, Integer::sum));
		}
		// not vacuous: matches at every distance up to the limit, and planted ones beyond it were not taken
		assertThat(found.keySet()).containsExactly(0, 1, 2, 3, 4, 5, 6);
		assertThat(found.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(150);
		long beyond = queries.stream().filter(q -> scan(q).isEmpty()).count();
		assertThat(beyond).isGreaterThan(100);
		assertThat(submissions.nearDuplicateOf(tied, SINCE)).contains(PREFIX + (rows.size() - 2));
	}

	@Test
	void everyHashWithinTheLimitSharesABandValueWithinOneBitAndEachBandHasSeventeenProbes() {
		var random = new Random(7);
		for (int i = 0; i < 20_000; i++) {
			long a = random.nextLong();
			long b = flip(a, random.nextInt(SimHash.NEAR + 1), random);
			boolean shared = false;
			for (int band = 0; band < SimHashBands.BANDS; band++) {
				List<Integer> probes = SimHashBands.probes(a, band);
				assertThat(probes).hasSize(17).doesNotHaveDuplicates().first().isEqualTo(SimHashBands.band(a, band));
				shared |= probes.contains(SimHashBands.band(b, band));
			}
			assertThat(shared).as("%016x and %016x", a, b).isTrue();
		}
		assertThat(SimHashBands.band(-1L, 3)).isEqualTo(65535);
		assertThat(SimHashBands.band(0x0001_0002_0003_0004L, 1)).isEqualTo(3);
	}

	/** What nearDuplicateOf decided before the bands: every hash of the window, the closest within NEAR. */
	private Optional<EditorialMapper.Similar> scan(long query) {
		return jdbc.query("SELECT id, tracking_no, simhash, received_at FROM submission WHERE received_at >= ? AND simhash IS NOT NULL",
				(rs, n) -> new EditorialMapper.Similar(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC)),
				LocalDateTime.ofInstant(SINCE, ZoneOffset.UTC))
			.stream()
			.filter(s -> SimHash.distance(s.simhash(), query) <= SimHash.NEAR)
			.min(Submissions.NEAREST.apply(query));
	}

	private static Instant randomTime(Random random) {
		return NOW.minus(Duration.ofMinutes(random.nextInt(120 * 24 * 60)));
	}

	private static long flip(long hash, int bits, Random random) {
		long result = hash;
		while (Long.bitCount(result ^ hash) < bits) {
			result ^= 1L << random.nextInt(64);
		}
		return result;
	}

	/** Rows as an older version filed them (no bands), unattached: the query reads the submission table alone. */
	private void insertWithoutBands(List<Row> rows) {
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (var checks = connection.createStatement()) {
				checks.execute("SET FOREIGN_KEY_CHECKS = 0");
			}
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO submission (tracking_no, inbound_id, profile_id, unit_id,"
					+ " sequence_code, report_type, title, simhash, state, received_at, created_at, updated_at)"
					+ " VALUES (?, ?, 'ndt', 0, 'district', 'INFO', 'near duplicate test', ?, 'RECEIVED', ?, ?, ?)")) {
				for (int i = 0; i < rows.size(); i++) {
					var at = LocalDateTime.ofInstant(rows.get(i).receivedAt(), ZoneOffset.UTC);
					insert.setString(1, PREFIX + i);
					insert.setLong(2, 2_000_000_000L + i);
					insert.setLong(3, rows.get(i).simhash());
					insert.setObject(4, at);
					insert.setObject(5, at);
					insert.setObject(6, at);
					insert.addBatch();
				}
				insert.executeBatch();
			}
			finally {
				try (var checks = connection.createStatement()) {
					checks.execute("SET FOREIGN_KEY_CHECKS = 1");
				}
			}
			return null;
		});
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE tracking_no LIKE ? AND simhash_band0 IS NULL", Long.class,
				PREFIX + "%")).isEqualTo(rows.size());
	}

	private void backfillAsV24Does() throws Exception {
		String migration = Files.readString(Path.of("src/main/resources/db/migration/V24__simhash_bands.sql"));
		for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
			if (statement.strip().startsWith("UPDATE")) {
				jdbc.update(statement);
			}
		}
	}
}
