package org.baosong.screening;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SENDER_NOT_AUTHENTICATED (QUARANTINED): more than one From, or an Authentication-Results header from
 * one of the profile's trusted authentication servers saying DMARC, DKIM or SPF failed. Headers from any
 * other host are ignored: anyone can write an Authentication-Results header.
 */
final class SenderAuthenticity implements ScreeningRule {

	static final String CODE = "SENDER_NOT_AUTHENTICATED";

	private static final Pattern FAIL = Pattern.compile("\\b(dmarc|dkim|spf)\\s*=\\s*(fail|softfail|permerror)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern PASS = Pattern.compile("\\b(dmarc|dkim)\\s*=\\s*pass\\b", Pattern.CASE_INSENSITIVE);

	@Override
	public void check(ScreeningContext context, Findings findings) {
		var from = context.mail().from();
		if (from.stream().map(a -> a.address().toLowerCase(Locale.ROOT)).distinct().count() > 1) {
			findings.quarantine(CODE, "more than one From address: " + from);
			return;
		}
		for (String result : trusted(context)) {
			var fail = FAIL.matcher(result);
			if (fail.find()) {
				findings.quarantine(CODE, fail.group(1).toUpperCase(Locale.ROOT) + " failed: " + result);
				return;
			}
		}
	}

	/** True when a trusted authentication server vouches for the sender (DMARC or DKIM pass). */
	static boolean authenticated(ScreeningContext context) {
		return trusted(context).stream().anyMatch(r -> PASS.matcher(r).find() && !FAIL.matcher(r).find());
	}

	/** Authentication-Results headers whose authserv-id (the first token) the profile trusts. */
	static List<String> trusted(ScreeningContext context) {
		var ids = context.profile().rules().trustedAuthservIds().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
		return context.mail().authenticationResults().stream().filter(r -> {
			String id = r.strip().split("[;\\s]", 2)[0].toLowerCase(Locale.ROOT);
			return ids.contains(id);
		}).toList();
	}
}
