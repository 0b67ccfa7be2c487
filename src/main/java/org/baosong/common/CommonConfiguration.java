package org.baosong.common;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommonConfiguration {

	/** The one source of "now"; tests replace it with a fixed or mutable clock. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock(BaosongProperties properties) {
		return Clock.system(properties.timeZone());
	}

	/** Registered with MyBatis by the starter (it collects TypeHandler beans). */
	@Bean
	UtcInstantTypeHandler utcInstantTypeHandler() {
		return new UtcInstantTypeHandler();
	}

	@Bean
	static ConfigurationGuard baosongConfigurationGuard() {
		return new ConfigurationGuard();
	}
}
