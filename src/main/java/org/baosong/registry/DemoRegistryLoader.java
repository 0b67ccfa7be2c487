package org.baosong.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.common.BaosongProperties;
import org.baosong.common.ConfigurationError;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start of the embedded default (demo enabled, empty registry), loads the demo registry
 * through the ordinary CSV import, so the demo data passes the same checks as an office's own file.
 */
@Component
@Order(10)
class DemoRegistryLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRegistryLoader.class);

	private final BaosongProperties properties;

	private final Registry registry;

	private final RegistryExchange exchange;

	DemoRegistryLoader(BaosongProperties properties, Registry registry, RegistryExchange exchange) {
		this.properties = properties;
		this.registry = registry;
		this.exchange = exchange;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo().enabled() || !registry.isEmpty()) {
			return;
		}
		Path dir = properties.demo().dir();
		try {
			byte[] units = Files.readAllBytes(dir.resolve("units.csv"));
			byte[] informants = Files.readAllBytes(dir.resolve("informants.csv"));
			var result = exchange.importCsv(units, informants);
			log.info("Demo registry loaded from {}: {} units, {} informants", dir, result.unitsAdded(), result.informantsAdded());
		}
		catch (IOException ex) {
			throw new ConfigurationError("baosong.demo.dir", "cannot read the demo registry in '" + dir.toAbsolutePath()
					+ "': " + ex.getMessage() + " (set baosong.demo.enabled=false to start without demo data)", ex);
		}
	}
}
