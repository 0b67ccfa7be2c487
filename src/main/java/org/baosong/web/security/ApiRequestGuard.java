package org.baosong.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What stands in for CSRF tokens on the JSON API (ADR 0011). HTTP Basic answers with a challenge, so a
 * browser that once logged in to the API keeps sending the credentials, also on a request another site's
 * page makes; an HTML form can POST across sites, but only as form data or plain text and without custom
 * headers (anything else needs a CORS preflight, which we never grant). So a request that changes
 * something (POST, PUT, PATCH, DELETE) must be JSON ({@code Content-Type: application/json}) or say it
 * comes from a script ({@code X-Requested-With}), else 415 API_JSON_REQUIRED; and a browser's own
 * {@code Sec-Fetch-Site: cross-site} is refused outright, 403 CROSS_SITE_REQUEST. Runs after
 * authorization, so a caller without the right role still gets its 401 or 403 first.
 */
class ApiRequestGuard extends OncePerRequestFilter {

	static final String SCRIPT_HEADER = "X-Requested-With";

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE.contains(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
			refuse(response, HttpStatus.FORBIDDEN, "CROSS_SITE_REQUEST", "a request from another site's page cannot change anything");
			return;
		}
		if (!json(request.getContentType()) && request.getHeader(SCRIPT_HEADER) == null) {
			refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "API_JSON_REQUIRED",
					"send Content-Type: application/json (or an " + SCRIPT_HEADER + " header on a request without a body)");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean json(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return false;
		}
		try {
			var type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static void refuse(HttpServletResponse response, HttpStatus status, String code, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
	}
}
