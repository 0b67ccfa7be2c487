package org.baosong.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.baosong.archive.FileSystemBlobStore;

class MailParserTest {

	@TempDir
	Path dir;

	FileSystemBlobStore blobs;

	MailParser parser;

	@BeforeEach
	void setUp() throws IOException {
		blobs = new FileSystemBlobStore(dir);
		parser = new MailParser(MimeLimits.defaults(), blobs);
	}

	private ParsedMail parse(String text) throws MailParseException {
		return parser.parse(new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aForwardedMessageIsOnePartWithItsOwnDecodedHeaders() throws Exception {
		ParsedMail mail;
		try (InputStream in = Files.newInputStream(Path.of("mail-fixtures/intake/28-outlook-forward-rfc822.eml"))) {
			mail = parser.parse(in);
		}
		assertThat(mail.nestedMessages()).singleElement().satisfies(n -> {
			assertThat(n.subject()).isNotBlank().doesNotContain("=?");
			assertThat(n.from()).isNotEmpty();
			assertThat(blobs.exists(n.part().sha256())).isTrue();
		});
		assertThat(mail.attachments()).isEmpty();
	}

	@Test
	void attachmentsAreArchivedAndDetectedByContent() throws Exception {
		var mail = parse("""
				From: a@b.cn
				Subject: x
				Content-Type: multipart/mixed; boundary=XX

				--XX
				Content-Type: text/plain; charset=utf-8

				正文
				--XX
				Content-Type: application/octet-stream; name="scan.pdf"
				Content-Disposition: attachment; filename="scan.pdf"
				Content-Transfer-Encoding: base64

				JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDwvVHlwZS9DYXRhbG9nPj4KZW5kb2JqCnRyYWlsZXIKPDwvUm9vdCAxIDAgUj4+CiUlRU9GCg==
				--XX--
				""");
		assertThat(mail.attachments()).singleElement().satisfies(a -> {
			assertThat(a.filename()).isEqualTo("scan.pdf");
			assertThat(a.declaredType()).isEqualTo("application/octet-stream");
			assertThat(a.detectedType()).isEqualTo("application/pdf");
			assertThat(blobs.exists(a.sha256())).isTrue();
			assertThat(a.path()).isEqualTo("1.2");
		});
		assertThat(mail.textBody()).isEqualTo("正文");
	}

	@Test
	void htmlOnlyMailGivesItsVisibleTextAndKeepsTheHtml() throws Exception {
		var mail = parse("""
				From: a@b.cn
				Subject: x
				Content-Type: text/html; charset=utf-8

				<html><head><style>p{color:red}</style></head><body><p>第一段</p><p>第二段<br>换行</p><script>alert(1)</script></body></html>
				""");
		assertThat(mail.textBody()).isEqualTo("第一段\n第二段\n换行");
		assertThat(mail.htmlBody()).contains("<p>第一段</p>");
	}

	@Test
	void automaticMailAndAuthenticationHeadersAreKept() throws Exception {
		var mail = parse("""
				From: a@b.cn
				From: c@d.cn
				Subject: =?utf-8?B?6Ieq5Yqo5Zue5aSN?=
				Auto-Submitted: auto-replied
				Precedence: bulk
				X-Auto-Response-Suppress: All
				List-Id: <news.b.cn>
				X-Loop: gateway@baosong.test
				Return-Path: <>
				Authentication-Results: mx.example.gov.cn; dmarc=fail header.from=b.cn
				Content-Type: multipart/report; report-type=delivery-status; boundary=R

				--R
				Content-Type: text/plain

				bounce
				--R--
				""");
		assertThat(mail.subject()).isEqualTo("自动回复");
		assertThat(mail.from()).extracting(MailAddress::address).containsExactly("a@b.cn", "c@d.cn");
		assertThat(mail.autoResponse().autoSubmitted()).isEqualTo("auto-replied");
		assertThat(mail.autoResponse().precedence()).isEqualTo("bulk");
		assertThat(mail.autoResponse().xLoop()).containsExactly("gateway@baosong.test");
		assertThat(mail.returnPath()).isEqualTo("<>");
		assertThat(mail.authenticationResults()).singleElement().asString().contains("dmarc=fail");
		assertThat(mail.topContentType()).isEqualTo("multipart/report");
		assertThat(mail.reportType()).isEqualTo("delivery-status");
	}

	@Test
	void aLongTextBodySpillsAndIsMarkedTruncated() throws Exception {
		var limits = new MimeLimits(1000, 100_000, 1_048_576, 30, 1000, 4096, 2_000_000);
		var small = new MailParser(limits, blobs);
		String body = "长".repeat(10_000);
		var mail = small.parse(new ByteArrayInputStream(("From: a@b.cn\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
				+ body).getBytes(StandardCharsets.UTF_8)));
		assertThat(mail.textTruncated()).isTrue();
		assertThat(mail.bodies()).singleElement().satisfies(p -> assertThat(p.size()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length));
		assertThat(mail.textBody().length()).isLessThan(body.length());
	}

	@Test
	void tooManyHeadersPartsOrLevelsEndAsAParseFailure() {
		var headers = new StringBuilder("From: a@b.cn\n");
		for (int i = 0; i < 5000; i++) {
			headers.append("X-Spam-").append(i).append(": x\n");
		}
		assertThatThrownBy(() -> parse(headers + "\nbody\n")).isInstanceOf(MailParseException.class);

		var deep = new StringBuilder("From: a@b.cn\nContent-Type: multipart/mixed; boundary=b0\n\n");
		for (int i = 0; i < 60; i++) {
			deep.append("--b").append(i).append("\nContent-Type: multipart/mixed; boundary=b").append(i + 1).append("\n\n");
		}
		assertThatThrownBy(() -> parse(deep.toString())).isInstanceOf(MailParseException.class).hasMessageContaining("nesting");

		var parts = new StringBuilder("From: a@b.cn\nContent-Type: multipart/mixed; boundary=P\n\n");
		for (int i = 0; i < 1500; i++) {
			parts.append("--P\nContent-Type: text/plain\n\n").append(i).append('\n');
		}
		assertThatThrownBy(() -> parse(parts + "--P--\n")).isInstanceOf(MailParseException.class).hasMessageContaining("parts");
	}

	@Test
	void unsafeAttachmentNamesAreSanitizedForStorage() throws Exception {
		var mail = parse("""
				From: a@b.cn
				Content-Type: multipart/mixed; boundary=XX

				--XX
				Content-Type: application/octet-stream
				Content-Disposition: attachment; filename="..\\\\..\\\\windows\\\\报告<1>.doc"

				x
				--XX--
				""");
		assertThat(mail.attachments()).singleElement().satisfies(a -> {
			assertThat(a.storedName()).isEqualTo("报告1.doc");
			assertThat(a.filename()).contains("报告<1>.doc");
		});
	}
}
