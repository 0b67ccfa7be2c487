package org.baosong.editorial.web;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Makes a mail's HTML inert with the OWASP Java HTML Sanitizer: formatting, blocks, tables, lists and
 * harmless inline styles survive; scripts, event handlers, forms, frames, SVG, {@code <style>} and
 * every {@code javascript:}/{@code data:} link are dropped; images survive only as embedded
 * {@code data:image/...} (remote images would tell the sender when and where the mail was read).
 * The result is shown in a sandboxed frame under a CSP that allows no script and no remote load
 * (defence in depth: either alone stops a script).
 */
final class MailHtmlSanitizer {

	private static final Pattern DATA_IMAGE = Pattern.compile("^data:image/(png|gif|jpeg|webp);base64,[A-Za-z0-9+/=\\s]+$");

	private static final PolicyFactory LINKS = new HtmlPolicyBuilder()
		.allowElements("a")
		.allowAttributes("href").onElements("a")
		.allowAttributes("title").onElements("a")
		.allowStandardUrlProtocols() // http, https, mailto
		.requireRelsOnLinks("noopener", "noreferrer", "nofollow")
		.toFactory();

	private static final PolicyFactory EMBEDDED_IMAGES = new HtmlPolicyBuilder()
		.allowElements("img")
		.allowUrlProtocols("data")
		.allowAttributes("src").matching(DATA_IMAGE).onElements("img")
		.allowAttributes("alt", "title", "width", "height").onElements("img")
		.toFactory();

	private static final PolicyFactory LAYOUT = new HtmlPolicyBuilder()
		.allowElements("font", "center", "hr", "br", "span", "div", "p", "pre", "sup", "sub", "small", "big", "table", "thead", "tbody",
				"tfoot", "tr", "td", "th", "caption", "col", "colgroup")
		.allowAttributes("color", "size", "face").onElements("font")
		.allowAttributes("align").onElements("p", "div", "td", "th", "tr", "table", "center")
		.allowAttributes("colspan", "rowspan", "width").onElements("td", "th")
		.allowAttributes("border", "cellpadding", "cellspacing", "width").onElements("table")
		.toFactory();

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.STYLES)
		.and(LINKS)
		.and(EMBEDDED_IMAGES)
		.and(LAYOUT);

	private MailHtmlSanitizer() {
	}

	static String sanitize(String html) {
		return html == null ? "" : POLICY.sanitize(html);
	}

	/** The page the frame shows: the sanitized body in a minimal document of its own. */
	static String document(String html) {
		return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><meta name=\"referrer\" content=\"no-referrer\">"
				+ "<style>body{font-family:sans-serif;font-size:14px;line-height:1.6;margin:8px;color:#222}"
				+ "img{max-width:100%}table{border-collapse:collapse}</style></head><body>" + sanitize(html) + "</body></html>";
	}
}
