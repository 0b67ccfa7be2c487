package org.baosong.web.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * What a password set through the web UI must be, and the passwords Baosong makes up itself.
 * Bcrypt reads only the first 72 bytes (24 Chinese characters in UTF-8); longer passwords are
 * refused with a message instead of being cut silently or failing with an error page.
 */
final class Passwords {

	static final int MIN_LENGTH = 10;

	static final int MAX_BYTES = 72;

	/** No look-alikes (0/O, 1/l/I): generated passwords are read off a screen and typed. */
	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Passwords() {
	}

	/** The message key of what is wrong with this password for this user, if anything. */
	static Optional<String> problem(String password, String username) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("security.password.tooShort");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("security.password.tooLong");
		}
		if (password.strip().equalsIgnoreCase(username == null ? "" : username.strip())) {
			return Optional.of("security.password.isUsername");
		}
		return Optional.empty();
	}

	/** 14 characters from 56 symbols: about 81 bits. */
	static String generate() {
		var out = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return out.toString();
	}
}
