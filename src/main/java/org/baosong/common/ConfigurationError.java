package org.baosong.common;

/**
 * A configuration value that stops start-up. It always names the key, so the operator knows
 * exactly which line of which file (or which environment variable) to fix.
 */
public class ConfigurationError extends RuntimeException {

	private final String key;

	public ConfigurationError(String key, String problem) {
		super(key + ": " + problem);
		this.key = key;
	}

	public ConfigurationError(String key, String problem, Throwable cause) {
		super(key + ": " + problem, cause);
		this.key = key;
	}

	public String key() {
		return key;
	}
}
