package org.baosong.profile;

import jakarta.validation.Validator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProfileConfiguration {

	@Bean
	ProfileCatalog profileCatalog(ProfileProperties properties, Validator validator) {
		var profiles = new ProfileLoader(validator).loadAll(properties.dir());
		return new ProfileCatalog(profiles, properties.jurisdiction());
	}
}
