package org.baosong.mime;

/** An address as written, with its decoded display name (null when there is none). */
public record MailAddress(String name, String address) {

	@Override
	public String toString() {
		return name == null ? address : name + " <" + address + ">";
	}
}
