package org.baosong.web.security;

import java.util.Arrays;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login against {@code app_user}, bcrypt hashes, CSRF on (Spring Security's default, kept).
 * Health and info are public so that a load balancer and the operator can read them; everything
 * else needs a login, and writes to the registry need ADMIN.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The JSON API (scripts, other systems): HTTP Basic, no session, administrators only. Without
	 * cookies there is nothing for a cross-site request to ride on, so CSRF tokens are not used here.
	 */
	@Bean
	@org.springframework.core.annotation.Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Role.ADMIN.name()))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement(s -> s.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@org.springframework.core.annotation.Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/login", "/css/**", "/favicon.ico", "/error").permitAll()
				.requestMatchers(org.springframework.http.HttpMethod.POST, "/registry/**").hasRole(Role.ADMIN.name())
				.requestMatchers("/registry/export/**").hasAnyRole(Role.ADMIN.name(), Role.EDITOR.name())
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(AppUserMapper users) {
		return username -> users.findByUsername(username)
			.map(u -> User.withUsername(u.username())
				.password(u.passwordHash())
				.disabled(!u.enabled())
				.roles(Arrays.stream(u.roles().split(",")).map(String::strip).filter(r -> !r.isEmpty()).toArray(String[]::new))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}
}
