package org.baosong.mime;

/** A header field as the inbound log shows it: the name, and the value decoded with the charset strategy. */
public record HeaderField(String name, String value) {
}
