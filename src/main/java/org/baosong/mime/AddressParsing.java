package org.baosong.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Address headers: encoded display names decoded by our strategy first, then parsed by Jakarta Mail. */
final class AddressParsing {

	private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>\"',;:]+@[^\\s<>\"',;:]+");

	private AddressParsing() {
	}

	static List<MailAddress> parse(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		String decoded = EncodedWords.decodePhrase(value);
		var out = new ArrayList<MailAddress>();
		try {
			for (InternetAddress address : InternetAddress.parseHeader(decoded, false)) {
				String personal = address.getPersonal();
				out.add(new MailAddress(personal == null || personal.isBlank() ? null : personal.strip(), address.getAddress()));
			}
			return out;
		}
		catch (AddressException malformed) {
			// keep what can be recognized: the rules must still see who it claims to be from
			Matcher m = BARE_ADDRESS.matcher(decoded);
			while (m.find()) {
				out.add(new MailAddress(null, m.group()));
			}
			return out;
		}
	}
}
