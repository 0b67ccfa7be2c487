package org.baosong.replies;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import org.baosong.common.ConfigurationError;

/**
 * The mail templates in {@code config/templates/mail/} (Thymeleaf text mode, UTF-8), which an office can
 * reword without a release, and the Chinese names of the reason codes ({@code reasons.properties}).
 */
final class ReplyTemplates {

	// the Spring engine evaluates with SpEL; the plain one would need OGNL on the class path
	private final TemplateEngine engine = new org.thymeleaf.spring6.SpringTemplateEngine();

	private final Properties reasonNames = new Properties();

	ReplyTemplates(Path dir) {
		for (String name : new String[] { "receipt.txt", "rejection.txt", "commission.txt", "commission-reminder.txt", "bulletin.txt", "reasons.properties" }) {
			if (!Files.isReadable(dir.resolve(name))) {
				throw new ConfigurationError("baosong.replies.templates", "missing " + dir.resolve(name).toAbsolutePath());
			}
		}
		var resolver = new FileTemplateResolver();
		resolver.setPrefix(dir.toAbsolutePath() + "/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		engine.setTemplateResolver(resolver);
		try (Reader reader = Files.newBufferedReader(dir.resolve("reasons.properties"), StandardCharsets.UTF_8)) {
			reasonNames.load(reader);
		}
		catch (IOException ex) {
			throw new ConfigurationError("baosong.replies.templates", "cannot read reasons.properties: " + ex.getMessage(), ex);
		}
	}

	String render(String template, Map<String, Object> model) {
		var context = new Context(java.util.Locale.SIMPLIFIED_CHINESE);
		context.setVariables(model);
		return engine.process(template, context).replaceAll("\\n{3,}", "\n\n");
	}

	String reasonName(String code) {
		return reasonNames.getProperty(code, code);
	}

	Map<String, String> reasonNames() {
		var names = new java.util.TreeMap<String, String>();
		reasonNames.stringPropertyNames().forEach(code -> names.put(code, reasonNames.getProperty(code)));
		return java.util.Collections.unmodifiableMap(names);
	}
}
