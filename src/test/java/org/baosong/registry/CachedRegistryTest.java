package org.baosong.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Screening's copy of the registry answers as the database does, sees a change made through this node as soon
 * as its transaction has committed (and not the state read while it was open), and one made behind its back —
 * as another node would — after the TTL.
 */
@GatewayTest
class CachedRegistryTest {

	@Autowired
	CachedRegistry cached;

	@Autowired
	Registry registry;

	@Autowired
	RegistryChanges changes;

	@Autowired
	RegistryExchange exchange;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	@AfterEach
	void demoRegistry() throws Exception {
		RegistryFixtures.resetToDemo(jdbc, exchange);
	}

	@Test
	void everyNameShortNameAliasAndAddressOfTheDemoRegistryIsAnsweredAsTheDatabaseAnswersIt() {
		var names = new ArrayList<String>(List.of("", "  ", "不存在的单位", "越秀", "nobody@demo.baosong.test"));
		for (Unit unit : registry.units()) {
			names.add(unit.name());
			names.add(" " + unit.name() + " ");
			if (unit.shortName() != null) {
				names.add(unit.shortName());
			}
			names.addAll(unit.aliases());
		}
		var addresses = new ArrayList<String>(List.of("", "nobody@demo.baosong.test", "越秀区政府"));
		for (Informant informant : registry.informants()) {
			for (String address : informant.addresses()) {
				addresses.add(address);
				addresses.add(address.toUpperCase(Locale.ROOT));
			}
		}
		assertThat(names).hasSizeGreaterThan(30);
		assertThat(addresses).hasSizeGreaterThan(20);

		for (String name : names) {
			assertThat(cached.unitByNameOrAlias(name)).as(name).isEqualTo(registry.unitByNameOrAlias(name));
		}
		for (String address : addresses) {
			assertThat(cached.informantByAddress(address)).as(address).isEqualTo(registry.informantByAddress(address));
		}
		assertThat(cached.informantByAddress("xxb.d01@demo.baosong.test")).get().extracting(m -> m.unit().code()).isEqualTo("D01");
	}

	@Test
	void aChangeThroughThisNodeIsSeenOnceCommittedAndNeverTheStateReadWhileItWasOpen() throws Exception {
		Unit yuexiu = registry.unitByNameOrAlias("越秀区政府").orElseThrow();
		assertThat(cached.unitByNameOrAlias("越秀老城")).isEmpty();
		var withAlias = new RegistryChanges.UnitChange(yuexiu.name(), yuexiu.shortName(), "越秀区人民政府、越秀老城", yuexiu.sequenceCode(),
				null, yuexiu.sortOrder());

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			changes.update(yuexiu.id(), withAlias);
			// read in a transaction of its own: the change is not committed yet
			assertThat(cached.unitByNameOrAlias("越秀老城")).isEmpty();
		});
		assertThat(cached.unitByNameOrAlias("越秀老城")).get().extracting(Unit::id).isEqualTo(yuexiu.id());
		assertThat(cached.unitByNameOrAlias("越秀老城").orElseThrow().aliases()).containsExactly("越秀区人民政府", "越秀老城");

		assertThat(changes.setActive(yuexiu.id(), false)).isTrue();
		assertThat(cached.unitByNameOrAlias("越秀区").orElseThrow().active()).isFalse();
		assertThat(cached.informantByAddress("xxb.d01@demo.baosong.test").orElseThrow().active()).isFalse();

		// an import through this node
		RegistryFixtures.resetToDemo(jdbc, exchange);
		assertThat(cached.unitByNameOrAlias("越秀老城")).isEmpty();
		assertThat(cached.unitByNameOrAlias("越秀区").orElseThrow().active()).isTrue();
	}

	@Test
	void aChangeMadeBehindItsBackAsAnotherNodeWouldIsSeenAfterTheTimeToLive() {
		var now = new AtomicLong(1_000_000_000L);
		var copy = new CachedRegistry(registry, new RegistryProperties(Duration.ofSeconds(5)), now::get);
		assertThat(copy.informantByAddress("xxb.d01@demo.baosong.test").orElseThrow().informant().name()).isEqualTo("王明");

		jdbc.update("UPDATE informant SET name = '王明明' WHERE id = (SELECT informant_id FROM informant_address WHERE address_key = ?)",
				"xxb.d01@demo.baosong.test");
		now.addAndGet(Duration.ofMillis(4_999).toNanos());
		assertThat(copy.informantByAddress("xxb.d01@demo.baosong.test").orElseThrow().informant().name()).isEqualTo("王明");
		now.addAndGet(Duration.ofMillis(1).toNanos());
		assertThat(copy.informantByAddress("xxb.d01@demo.baosong.test").orElseThrow().informant().name()).isEqualTo("王明明");
	}
}
