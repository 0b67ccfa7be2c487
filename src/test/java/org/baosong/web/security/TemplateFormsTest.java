package org.baosong.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every form of every template that posts uses {@code th:action}: Thymeleaf then adds the CSRF
 * token (Spring Security's request data value processor), so no form is refused or, worse, left
 * for someone to "fix" by turning CSRF off. And no template carries inline script or style, which
 * the Content-Security-Policy blocks.
 */
class TemplateFormsTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern WRITING = Pattern.compile("method\\s*=\\s*[\"'](post|put|patch|delete)", Pattern.CASE_INSENSITIVE);

	@Test
	void everyPostingFormHasThActionAndSoTheToken() throws IOException {
		var wrong = new ArrayList<String>();
		int posting = 0;
		for (Path template : templates()) {
			Matcher form = FORM.matcher(Files.readString(template, StandardCharsets.UTF_8));
			while (form.find()) {
				String tag = form.group();
				boolean posts = WRITING.matcher(tag).find(); // no method: the browser sends GET
				if (posts) {
					posting++;
					if (!tag.contains("th:action=")) {
						wrong.add(TEMPLATES.relativize(template) + ": " + tag);
					}
				}
			}
		}
		assertThat(posting).as("posting forms found").isPositive();
		assertThat(wrong).as("forms that post without th:action (no CSRF token)").isEmpty();
	}

	@Test
	void noTemplateHasInlineScriptOrStyle() throws IOException {
		var wrong = new ArrayList<String>();
		Pattern inline = Pattern.compile(
				"<script\\b(?![^>]*\\bsrc=)[^>]*>|<style\\b|(\\s|th:)style\\s*=|(\\s|th:)on[a-z]+\\s*=|=\\s*[\"']javascript:",
				Pattern.CASE_INSENSITIVE);
		for (Path template : templates()) {
			Matcher m = inline.matcher(Files.readString(template, StandardCharsets.UTF_8));
			while (m.find()) {
				wrong.add(TEMPLATES.relativize(template) + ": " + m.group().strip());
			}
		}
		assertThat(wrong).as("inline script or style (the CSP blocks it: put it in static/js or static/css)").isEmpty();
	}

	private static java.util.List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}
}
