package org.baosong.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Validator;

import org.baosong.common.ConfigurationError;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Reads {@code <dir>/*.yml} with Boot's own binder, so the rules an operator already knows from
 * {@code application.yml} hold: kebab-case keys, typed values, and every problem reported with its
 * key, file and line. Unknown keys are errors, not silently ignored: a misspelt rule option would
 * otherwise fall back to its default and change how mail is judged without anyone noticing.
 */
class ProfileLoader {

	private static final String ROOT = "profile";

	private final SpringValidatorAdapter validator;

	ProfileLoader(Validator validator) {
		this.validator = new SpringValidatorAdapter(validator);
	}

	Map<String, JurisdictionProfile> loadAll(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new ConfigurationError("baosong.profiles.dir", "'" + dir.toAbsolutePath() + "' is not a directory");
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(dir)) {
			files = listing.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new ConfigurationError("baosong.profiles.dir", "cannot list '" + dir + "': " + ex.getMessage(), ex);
		}
		if (files.isEmpty()) {
			throw new ConfigurationError("baosong.profiles.dir", "no profile (*.yml) in '" + dir.toAbsolutePath() + "'");
		}
		var profiles = new LinkedHashMap<String, JurisdictionProfile>();
		for (Path file : files) {
			JurisdictionProfile profile = load(file);
			profiles.put(profile.id(), profile);
		}
		return profiles;
	}

	JurisdictionProfile load(Path file) {
		String fileName = file.getFileName().toString();
		String expectedId = fileName.substring(0, fileName.length() - ".yml".length());
		Binder binder = binderFor(file);
		try {
			// unknown keys first: a misspelt key would otherwise surface as "must not be null" of the key it was meant to be
			binder.bind(ROOT, Bindable.of(JurisdictionProfile.class),
					new NoUnboundElementsBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler()));
		}
		catch (BindException ex) {
			if (ex.getCause() instanceof UnboundConfigurationPropertiesException) {
				throw describe(file, ex);
			}
		}
		var handler = new ValidationBindHandler(
				new NoUnboundElementsBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler()), validator);
		JurisdictionProfile profile;
		try {
			profile = binder.bind(ROOT, Bindable.of(JurisdictionProfile.class), handler)
				.orElseThrow(() -> new ConfigurationError(fileName, "the file has no '" + ROOT + ":' section"));
		}
		catch (BindException ex) {
			throw describe(file, ex);
		}
		if (!profile.id().equals(expectedId)) {
			throw new ConfigurationError(ROOT + ".id", "is '" + profile.id() + "' but the file is " + fileName
					+ " (the id must be the file name without .yml)");
		}
		checkSequences(file, profile);
		checkTerms(file, "instruction-levels", profile.editorial().instructionLevels());
		checkTerms(file, "upstream-levels", profile.editorial().upstreamLevels());
		checkTerms(file, "marks", profile.editorial().marks());
		checkTerms(file, "penalties", profile.editorial().penalties());
		ScoringRulesCheck.check(profile, file.getFileName().toString());
		return profile;
	}

	private static Binder binderFor(Path file) {
		try {
			var sources = new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
			return new Binder(ConfigurationPropertySources.from(sources));
		}
		catch (IOException | RuntimeException ex) {
			throw new ConfigurationError(file.getFileName().toString(), "not readable as YAML: " + ex.getMessage(), ex);
		}
	}

	private static void checkSequences(Path file, JurisdictionProfile profile) {
		var seen = new HashSet<String>();
		for (int i = 0; i < profile.sequences().size(); i++) {
			String code = profile.sequences().get(i).code();
			if (!seen.add(code)) {
				throw new ConfigurationError(ROOT + ".sequences[" + i + "].code",
						"'" + code + "' appears twice in " + file.getFileName());
			}
		}
	}

	private static void checkTerms(Path file, String key, List<Term> terms) {
		var seen = new HashSet<String>();
		for (int i = 0; i < terms.size(); i++) {
			String code = terms.get(i).code();
			if (!seen.add(code)) {
				throw new ConfigurationError(ROOT + ".editorial." + key + "[" + i + "].code",
						"'" + code + "' appears twice in " + file.getFileName());
			}
		}
	}

	/** The binder's messages are long; an operator needs the key, the file and line, and what is wrong. */
	private static ConfigurationError describe(Path file, BindException ex) {
		String where = file.getFileName().toString();
		Throwable cause = ex.getCause();
		if (cause instanceof UnboundConfigurationPropertiesException unbound) {
			var first = unbound.getUnboundProperties().iterator().next();
			String others = unbound.getUnboundProperties().size() > 1
					? " (also: " + unbound.getUnboundProperties().stream().skip(1).map(p -> p.getName().toString())
						.collect(Collectors.joining(", ")) + ")"
					: "";
			return new ConfigurationError(first.getName().toString(),
					"unknown key in " + where + originOf(first.getOrigin()) + others, ex);
		}
		if (cause instanceof BindValidationException invalid) {
			var errors = invalid.getValidationErrors();
			String objectName = errors.getName().toString();
			var bound = errors.getBoundProperties().stream().map(p -> p.getName().toString()).toList();
			var problems = new ArrayList<String>();
			String key = null;
			for (var error : errors.getAllErrors()) {
				// a field error names a property; a cross-field check (min <= max) names the object it sits on
				String errorKey = objectName;
				if (error instanceof FieldError field && (bound.contains(objectName + "." + toKebab(field.getField()))
						|| !"AssertTrue".equals(field.getCode()))) {
					errorKey = objectName + "." + toKebab(field.getField());
				}
				key = key == null ? errorKey : key;
				Object rejected = error instanceof FieldError field && errorKey.length() > objectName.length()
						? " (was: " + field.getRejectedValue() + ")" : "";
				problems.add(errorKey + " " + error.getDefaultMessage() + rejected);
			}
			return new ConfigurationError(key == null ? objectName : key,
					"invalid in " + where + ": " + String.join("; ", problems), ex);
		}
		String detail = cause != null ? cause.getMessage() : ex.getMessage();
		return new ConfigurationError(ex.getName().toString(),
				"invalid value in " + where + originOf(ex.getProperty() != null ? ex.getProperty().getOrigin() : null)
						+ ": " + detail, ex);
	}

	private static String originOf(Object origin) {
		return origin == null ? "" : " (" + origin + ")";
	}

	static String toKebab(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}
}
