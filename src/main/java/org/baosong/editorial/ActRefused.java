package org.baosong.editorial;

/**
 * Why an upstream adoption, a mark or a penalty was not recorded (or not undone), as a reason code:
 * NOT_FOUND, WRONG_STATE, UNKNOWN_LEVEL, UNKNOWN_CODE, DUPLICATE, DATE_INVALID, REASON_REQUIRED,
 * TOO_LONG, UNIT_REQUIRED, UNIT_MISMATCH, NOT_STANDING. The pages name it with the message
 * {@code acts.refused.<code>}; the API answers it.
 */
public final class ActRefused extends RuntimeException {

	private final String code;

	ActRefused(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return code;
	}
}
