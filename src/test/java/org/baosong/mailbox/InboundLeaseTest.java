package org.baosong.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The durable hand-off on the real database: two nodes claiming at once never get the same message. */
@GatewayTest(properties = { "baosong.demo.enabled=false", "baosong.intake.enabled=false", "baosong.receiving.enabled=false" })
class InboundLeaseTest {

	@Autowired
	InboundMessages inbound;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void concurrentClaimsAreDisjointAndTogetherTakeEverything() throws Exception {
		List<Long> ids = received(200, "lease-a");
		var pool = Executors.newFixedThreadPool(2);
		List<Callable<List<Long>>> claimers = new ArrayList<>();
		for (String node : List.of("node-1", "node-2")) {
			claimers.add(() -> {
				var mine = new ArrayList<Long>();
				for (int round = 0; round < 50; round++) {
					mine.addAll(inbound.claim(node + "#" + round, 7, Duration.ofMinutes(5)));
				}
				return mine;
			});
		}
		var results = pool.invokeAll(claimers);
		pool.shutdown();
		List<Long> first = results.get(0).get();
		List<Long> second = results.get(1).get();

		assertThat(new HashSet<>(first)).doesNotContainAnyElementsOf(second);
		var all = new HashSet<>(first);
		all.addAll(second);
		assertThat(all).containsAll(ids);
	}

	@Test
	void anExpiredLeaseIsClaimedAgainAndTheOldOwnerCanNoLongerWrite() {
		jdbc.update("UPDATE inbound_mail SET status = 'IGNORED' WHERE status = 'RECEIVED'");
		long id = received(1, "lease-b").get(0);
		assertThat(inbound.claim("dead#1", 10, Duration.ofMinutes(5))).containsExactly(id);
		assertThat(inbound.claim("other#1", 10, Duration.ofMinutes(5))).as("still leased").isEmpty();

		// the node died: its lease runs out
		jdbc.update("UPDATE inbound_mail SET lease_until = '2000-01-01 00:00:00' WHERE id = ?", id);

		assertThat(inbound.claim("alive#1", 10, Duration.ofMinutes(5))).containsExactly(id);
		assertThat(inbound.complete(id, "dead#1", InboundStatus.IGNORED, List.of())).isFalse();
		assertThat(inbound.complete(id, "alive#1", InboundStatus.IGNORED, List.of())).isTrue();
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Long> received(int n, String tag) {
		jdbc.update("INSERT INTO mailbox (id, protocol, host, port, username, folder, profile_id, active, created_at, updated_at) "
				+ "SELECT 'lease', 'imap', 'h', 1, 'u', 'INBOX', 'guangzhou-2005', TRUE, NOW(3), NOW(3) FROM DUAL "
				+ "WHERE NOT EXISTS (SELECT 1 FROM mailbox WHERE id = 'lease')");
		var ids = new ArrayList<Long>();
		for (int i = 0; i < n; i++) {
			String sha = sha256(tag + i);
			jdbc.update("INSERT INTO inbound_mail (mailbox_id, size_bytes, sha256, raw_blob, received_at, status, attempts) "
					+ "VALUES ('lease', 1, ?, ?, NOW(3), 'RECEIVED', 0)", sha, sha);
			ids.add(jdbc.queryForObject("SELECT id FROM inbound_mail WHERE mailbox_id = 'lease' AND sha256 = ?", Long.class, sha));
		}
		return ids;
	}
}
