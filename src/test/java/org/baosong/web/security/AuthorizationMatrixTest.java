package org.baosong.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.baosong.common.Role;
import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix, proven: {@code src/test/resources/web/authorization-matrix.csv} has a
 * row for every handler method of the application and no row without one, and every role gets
 * exactly what its row says (allowed: neither 401 nor 403 nor the login page; refused: 403), on the
 * pages with a session user and CSRF token, on {@code /api} with HTTP Basic as real users of the
 * database. Anonymous callers go to the login page (pages) or get 401 (API), except on the rows
 * marked public.
 */
@GatewayTest
@AutoConfigureMockMvc
class AuthorizationMatrixTest {

	static final String PASSWORD = "matrix-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	AppUserMapper users;

	/** One real user per role for HTTP Basic; a cheap bcrypt cost keeps the many Basic checks fast. */
	@BeforeEach
	void usersForEveryRole() {
		var cheap = new BCryptPasswordEncoder(4);
		for (Role role : Role.values()) {
			if (users.findByUsername(username(role)).isEmpty()) {
				users.insert(new AppUserMapper.AppUser(null, username(role), "matrix " + role, "{bcrypt}" + cheap.encode(PASSWORD),
						role.name(), true), java.time.Instant.now());
			}
		}
	}

	@Test
	void everyHandlerHasARowAndEveryRowAHandler() {
		var handlers = MatrixFile.handlers(mappings);
		var rows = MatrixFile.rows();
		var written = rows.stream().map(MatrixFile.Row::endpoint).toList();

		var missing = handlers.stream().filter(e -> !written.contains(e)).map(e -> e.method() + "," + e.pattern()).toList();
		var orphans = rows.stream().filter(r -> !handlers.contains(r.endpoint()))
			.map(r -> "line " + r.line() + ": " + r.endpoint().method() + "," + r.endpoint().pattern()).toList();
		var duplicates = written.stream().filter(e -> written.indexOf(e) != written.lastIndexOf(e)).distinct().toList();

		assertThat(missing).as("handler methods without a row in %s (add one per method and pattern)", MatrixFile.PATH).isEmpty();
		assertThat(orphans).as("rows of %s that no handler method answers", MatrixFile.PATH).isEmpty();
		assertThat(duplicates).as("endpoints with more than one row").isEmpty();
	}

	@Test
	void everyExampleIsAPathOfItsPattern() {
		assertThat(MatrixFile.rows()).allSatisfy(r -> assertThat(r.exampleMatchesPattern())
			.as("line %d: example %s does not match %s", r.line(), r.example(), r.endpoint().pattern()).isTrue());
	}

	@TestFactory
	Stream<DynamicTest> everyRoleGetsWhatItsRowSays() {
		return MatrixFile.rows().stream().map(row -> DynamicTest.dynamicTest(
				row.endpoint().method() + " " + row.endpoint().pattern(), () -> check(row)));
	}

	private void check(MatrixFile.Row row) throws Exception {
		var wrong = new ArrayList<String>();
		for (HttpMethod method : row.methods()) {
			for (Role role : Role.values()) {
				Outcome outcome = perform(row, method, role);
				boolean expected = row.allowed(role);
				if (expected ? !outcome.passed() : outcome.status() != 403) {
					wrong.add(role + " " + method + " " + row.example() + ": expected " + (expected ? "allowed" : "403") + ", got "
							+ outcome);
				}
			}
			Outcome anonymous = perform(row, method, null);
			if (row.isPublic() ? !anonymous.passed() : !anonymous.refusedAnonymous(row.isApi())) {
				wrong.add("anonymous " + method + " " + row.example() + ": expected "
						+ (row.isPublic() ? "allowed" : row.isApi() ? "401" : "redirect to /login") + ", got " + anonymous);
			}
		}
		assertThat(wrong).as("line %d of %s", row.line(), MatrixFile.PATH).isEmpty();
	}

	private Outcome perform(MatrixFile.Row row, HttpMethod method, Role role) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, row.example());
		if (role != null) {
			request.with(row.isApi() ? httpBasic(username(role), PASSWORD) : user(username(role)).roles(role.name()));
		}
		if (!row.isApi() && method != HttpMethod.GET) {
			request.with(csrf());
		}
		try {
			MvcResult result = mvc.perform(request).andReturn();
			return new Outcome(result.getResponse().getStatus(), result.getResponse().getHeader("Location"), null);
		}
		catch (Exception thrownByTheHandler) {
			// only a handler throws out of MockMvc: the request got past security
			return new Outcome(500, null, thrownByTheHandler.getClass().getSimpleName());
		}
	}

	static String username(Role role) {
		return "matrix-" + role.name().toLowerCase(Locale.ROOT);
	}

	record Outcome(int status, String location, String exception) {

		boolean toLoginPage() {
			return status / 100 == 3 && location != null && location.replaceFirst("^https?://[^/]+", "").matches("/login(\\?.*)?");
		}

		boolean passed() {
			return status != 401 && status != 403 && !toLoginPage();
		}

		boolean refusedAnonymous(boolean api) {
			return api ? status == 401 : toLoginPage();
		}

		@Override
		public String toString() {
			return status + (location != null ? " -> " + location : "") + (exception != null ? " (" + exception + ")" : "");
		}
	}

	static List<HttpMethod> methodsOf(String method) {
		return method.equals(MatrixFile.ANY) ? List.of(HttpMethod.GET, HttpMethod.POST) : List.of(HttpMethod.valueOf(method));
	}
}
