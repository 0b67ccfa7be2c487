package org.baosong.common;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link ConfigurationError} into Boot's short start-up failure report instead of a stack trace. */
class ConfigurationErrorFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationError> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationError cause) {
		return new FailureAnalysis("Invalid configuration: " + cause.getMessage(),
				"Fix the value of '" + cause.key() + "' (config/application.yml, config/profiles/*.yml "
						+ "or the matching environment variable) and start again.",
				cause);
	}
}
