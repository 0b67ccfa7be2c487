package org.baosong.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.baosong.common.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The authorization matrix as written down ({@value #PATH}) and the endpoints the application
 * really has (the handler methods of Spring MVC's request mapping).
 */
final class MatrixFile {

	static final Path PATH = Path.of("src/test/resources/web/authorization-matrix.csv");

	/** A handler method mapped without a request method answers every method. */
	static final String ANY = "ANY";

	private static final List<String> COLUMNS = List.of("method", "pattern", "example", "ADMIN", "EDITOR", "REVIEWER", "VIEWER");

	private MatrixFile() {
	}

	record Endpoint(String method, String pattern) implements Comparable<Endpoint> {

		@Override
		public int compareTo(Endpoint other) {
			int byPattern = pattern.compareTo(other.pattern);
			return byPattern != 0 ? byPattern : method.compareTo(other.method);
		}
	}

	record Row(int line, Endpoint endpoint, String example, Map<Role, Boolean> roles, boolean isPublic) {

		boolean allowed(Role role) {
			return roles.get(role);
		}

		boolean isApi() {
			return endpoint.pattern().startsWith("/api/") || endpoint.pattern().equals("/api");
		}

		List<HttpMethod> methods() {
			return AuthorizationMatrixTest.methodsOf(endpoint.method());
		}

		String examplePath() {
			int query = example.indexOf('?');
			return query < 0 ? example : example.substring(0, query);
		}

		boolean exampleMatchesPattern() {
			return PathPatternParser.defaultInstance.parse(endpoint.pattern()).matches(PathContainer.parsePath(examplePath()));
		}
	}

	/**
	 * The rows of the file: {@code method,pattern,example,ADMIN,EDITOR,REVIEWER,VIEWER[,ANONYMOUS]}
	 * with Y or N; the optional last column marks the few public endpoints (login, error page).
	 */
	static List<Row> rows() {
		List<String> lines;
		try {
			lines = Files.readAllLines(PATH, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		var rows = new ArrayList<Row>();
		boolean header = true;
		for (int i = 0; i < lines.size(); i++) {
			String text = lines.get(i).strip();
			if (text.isEmpty() || text.startsWith("#")) {
				continue;
			}
			List<String> cells = List.of(text.split(",", -1)).stream().map(String::strip).toList();
			if (header) {
				if (!cells.subList(0, Math.min(cells.size(), COLUMNS.size())).equals(COLUMNS)) {
					throw new IllegalStateException(PATH + " line " + (i + 1) + ": the header must start with " + COLUMNS);
				}
				header = false;
				continue;
			}
			if (cells.size() != COLUMNS.size() && cells.size() != COLUMNS.size() + 1) {
				throw new IllegalStateException(PATH + " line " + (i + 1) + ": " + COLUMNS.size() + " or " + (COLUMNS.size() + 1)
						+ " cells expected (a pattern with a comma in it? write the regex without one): " + text);
			}
			var roles = new EnumMap<Role, Boolean>(Role.class);
			for (Role role : Role.values()) {
				roles.put(role, yes(cells.get(COLUMNS.indexOf(role.name())), i + 1, false));
			}
			boolean isPublic = cells.size() > COLUMNS.size() && yes(cells.get(COLUMNS.size()), i + 1, true);
			rows.add(new Row(i + 1, new Endpoint(cells.get(0).toUpperCase(java.util.Locale.ROOT), cells.get(1)), cells.get(2), roles,
					isPublic));
		}
		return rows;
	}

	/** Every (method, pattern) that a handler method of the application answers. */
	static Set<Endpoint> handlers(RequestMappingHandlerMapping mappings) {
		var endpoints = new TreeSet<Endpoint>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					endpoints.add(new Endpoint(ANY, pattern));
				}
				else {
					methods.forEach(m -> endpoints.add(new Endpoint(m.name(), pattern)));
				}
			}
		});
		return endpoints;
	}

	private static boolean yes(String cell, int line, boolean blankIsNo) {
		return switch (cell.toUpperCase(java.util.Locale.ROOT)) {
			case "Y" -> true;
			case "N" -> false;
			case "" -> {
				if (!blankIsNo) {
					throw new IllegalStateException(PATH + " line " + line + ": Y or N expected for every role");
				}
				yield false;
			}
			default -> throw new IllegalStateException(PATH + " line " + line + ": Y or N expected, found '" + cell + "'");
		};
	}
}
