package org.baosong.mime;

/** The message could not be parsed within the limits; intake quarantines it as PARSE_FAILED. */
public class MailParseException extends Exception {

	public MailParseException(String message, Throwable cause) {
		super(message, cause);
	}
}
