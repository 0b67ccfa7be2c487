package org.baosong.web;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.baosong.common.BaosongProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's template may use: the office's time zone (times are shown in it, not in the
 * server's) and the current address without its {@code page} parameter, for the pager's links.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

	private final ZoneId zone;

	PageModel(BaosongProperties properties) {
		this.zone = properties.timeZone();
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}

	/** The request's path and query without {@code page=}, ending in {@code ?} or {@code &} (already URL-encoded). */
	@ModelAttribute("pageBase")
	String pageBase(HttpServletRequest request) {
		return pageBase(request.getRequestURI(), request.getQueryString());
	}

	static String pageBase(String path, String queryString) {
		String query = queryString == null ? "" : Arrays.stream(queryString.split("&"))
			.filter(p -> !p.isEmpty() && !p.startsWith("page="))
			.collect(Collectors.joining("&"));
		return path + "?" + (query.isEmpty() ? "" : query + "&");
	}
}
