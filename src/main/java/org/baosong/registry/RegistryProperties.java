package org.baosong.registry;

import java.time.Duration;

import org.baosong.common.ConfigurationError;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registry's copy in memory for screening ({@link CachedRegistry}).
 *
 * @param cacheTtl how long the copy answers before it is read again. Changes made through this node are seen at
 *                 once (the copy is dropped when their transaction ends); the TTL bounds how long a change made
 *                 through another node sharing the database goes unseen. Zero reads the registry for every lookup
 */
@ConfigurationProperties(prefix = "baosong.registry", ignoreUnknownFields = false)
public record RegistryProperties(@DefaultValue("5s") Duration cacheTtl) {

	public RegistryProperties {
		if (cacheTtl == null || cacheTtl.isNegative() || cacheTtl.compareTo(Duration.ofHours(1)) > 0) {
			throw new ConfigurationError("baosong.registry.cache-ttl", "must lie between 0 and 1 hour, is " + cacheTtl);
		}
	}
}
