package org.baosong.web.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Form login against {@code app_user}, bcrypt hashes, CSRF on (Spring Security's default, kept),
 * login throttling, strict security headers; ADR 0011 says why each is as it is.
 * Who may call what is the authorization matrix: the {@link AccessRules} beans of every feature,
 * applied to both chains; whatever no rule covers is denied. Health and info are public so that a
 * load balancer and the operator can read them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The Content-Security-Policy of every response that does not set its own: no inline script or
	 * style, nothing from another origin. A controller that needs a stricter policy (the sandboxed
	 * frame of an original mail) sets the header itself; Spring Security's writer then leaves it
	 * alone, because it writes its header only when the response has none (ADR 0011).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'; "
			+ "object-src 'none'";

	/**
	 * Swagger UI (served by Baosong from its webjar) inserts {@code <style>} elements from its
	 * script; on its own pages, and only there, inline style is allowed. Script stays 'self'.
	 */
	static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

	private static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

	/** Reachable without logging in (besides the login form itself). */
	static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**", "/actuator/info", "/login",
			"/css/**", "/js/**", "/img/**", "/favicon.ico", "/error");

	/**
	 * The JSON API (scripts, other systems): HTTP Basic, no session, the same matrix as the pages. No
	 * CSRF tokens (a script has no page to take one from); instead {@link ApiRequestGuard} refuses a
	 * write that is not JSON and not marked as a script's, and any write a browser marks cross-site:
	 * a browser caches Basic credentials, and an HTML form on another site could otherwise ride on them.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, List<AccessRules> matrix) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> apply(auth, matrix))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.addFilterAfter(new ApiRequestGuard(), AuthorizationFilter.class)
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	/**
	 * The pages. A session ends after {@code server.servlet.session.timeout} without a request (30
	 * minutes by default; there is no remember-me), and at once when an administrator disables the
	 * user, changes their roles or resets their password ({@link SessionRegistry}); the next request
	 * then lands on the login page with "session ended".
	 */
	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<AccessRules> matrix, LoginAudit audit,
			SessionRegistry sessions, Environment environment) throws Exception {
		var handlers = new LoginPageHandlers(audit);
		String sessionCookie = environment.getProperty("server.servlet.session.cookie.name", "JSESSIONID");
		http.authorizeHttpRequests(auth -> {
				auth.requestMatchers(PUBLIC_PATHS.toArray(String[]::new)).permitAll();
				apply(auth, matrix);
			})
			.formLogin(form -> form.loginPage("/login").successHandler(handlers).failureHandler(handlers).permitAll())
			.logout(logout -> logout.addLogoutHandler(handlers).logoutSuccessUrl("/login?logout").deleteCookies(sessionCookie))
			.exceptionHandling(e -> e.authenticationEntryPoint(new LoginPageEntryPoint()))
			.sessionManagement(s -> s
				.sessionConcurrency(c -> c.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired")))
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	/**
	 * The policy is written when the response is committed, and only if the response has no
	 * Content-Security-Policy yet ({@link ContentSecurityPolicyHeaderWriter}): a controller's own
	 * policy stays as the controller set it.
	 */
	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
					new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)))
			.frameOptions(frame -> frame.sameOrigin())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
		// X-Content-Type-Options: nosniff, Cache-Control: no-store and HSTS (on HTTPS) are Spring Security's defaults
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

	/**
	 * New hashes are {@code {bcrypt}$2a$10$...}; the {id} prefix lets a later release move to
	 * another algorithm without locking anyone out. Hashes written before carry no prefix and are
	 * read as bcrypt. No other algorithm is accepted (not even {noop}).
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		var bcrypt = new BCryptPasswordEncoder();
		var encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
		encoder.setDefaultPasswordEncoderForMatches(bcrypt);
		return encoder;
	}

	/**
	 * The only authentication provider, so both chains (and anything else asking the global
	 * authentication manager) go through the throttle.
	 */
	@Bean
	AuthenticationProvider authenticationProvider(AppUserMapper users, PasswordEncoder encoder, LoginThrottle throttle,
			LoginAudit audit) {
		var passwords = new DaoAuthenticationProvider(userDetailsService(users));
		passwords.setPasswordEncoder(encoder);
		return new ThrottledAuthenticationProvider(passwords, throttle, audit);
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/** Tells the session registry when the container ends a session (timeout, logout). */
	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	private static UserDetailsService userDetailsService(AppUserMapper users) {
		return username -> users.findByUsername(username)
			.map(u -> User.withUsername(u.username())
				.password(u.passwordHash())
				.disabled(!u.enabled())
				.roles(Arrays.stream(u.roles().split(",")).map(String::strip).filter(r -> !r.isEmpty()).toArray(String[]::new))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}
}
