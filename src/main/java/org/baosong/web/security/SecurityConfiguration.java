package org.baosong.web.security;

import java.util.Arrays;
import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Form login against {@code app_user}, bcrypt hashes, CSRF on (Spring Security's default, kept).
 * Who may call what is the authorization matrix: the {@link AccessRules} beans of every feature,
 * applied to both chains; whatever no rule covers is denied. Health and info are public so that a
 * load balancer and the operator can read them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The JSON API (scripts, other systems): HTTP Basic, no session, the same matrix as the pages.
	 * Without cookies there is nothing for a cross-site request to ride on, so CSRF tokens are not
	 * used here.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, List<AccessRules> matrix) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> apply(auth, matrix))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<AccessRules> matrix) throws Exception {
		http.authorizeHttpRequests(auth -> {
				auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
					.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error").permitAll();
				apply(auth, matrix);
			})
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(Customizer.withDefaults());
		return http.build();
	}

	private static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
			List<AccessRules> matrix) {
		for (AccessRules rules : matrix) {
			for (AccessRule rule : rules.rules()) {
				var matcher = PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern());
				String[] roles = rule.roles().stream().map(Role::name).toArray(String[]::new);
				if (roles.length == 0) {
					auth.requestMatchers(matcher).denyAll();
				}
				else {
					auth.requestMatchers(matcher).hasAnyRole(roles);
				}
			}
		}
		auth.anyRequest().denyAll();
	}

	/** The pages of the web module itself. */
	@Bean
	AccessRules webAccessRules() {
		return () -> List.of(AccessRule.get("/", AccessRule.everyone()));
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
