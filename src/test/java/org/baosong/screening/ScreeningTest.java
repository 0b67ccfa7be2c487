package org.baosong.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.baosong.archive.FileSystemBlobStore;
import org.baosong.mime.MailParser;
import org.baosong.mime.MimeLimits;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.ProfileFiles;
import org.baosong.registry.Informant;
import org.baosong.registry.CachedRegistry;
import org.baosong.registry.SenderMatch;
import org.baosong.registry.Unit;

/** The rule chain on real parsed mail (Mime4j, Tika type detection) with the Guangzhou profile. */
class ScreeningTest {

	static final String INFORMANT = "xxb.d01@demo.baosong.test";

	static final JurisdictionProfile GZ = ProfileFiles.read(Path.of("config/profiles/guangzhou-2005.yml"));

	static final String SUBJECT = "【动态】越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20";

	static final String SIGN = "\n\n单位：越秀区政府\n签发人：王明\n报送人：李华\n联系电话：13800138000\n日期：2026年11月20日";

	/** When the gateway received every message of these tests: 2026-11-20 09:30 in Guangzhou. */
	static final Instant RECEIVED_AT = Instant.parse("2026-11-20T01:30:00Z");

	static final String REPORT_BODY = "越秀区推进老旧小区改造。".repeat(30) + SIGN;

	@TempDir
	Path archive;

	MailParser parser;

	CachedRegistry registry = mock(CachedRegistry.class);

	org.baosong.editorial.Submissions submissions = mock(org.baosong.editorial.Submissions.class);

	org.baosong.mailbox.InboundMessages inbound = mock(org.baosong.mailbox.InboundMessages.class);

	/** What the extractor says, per test; by default every document reads completely as a report with its 落款. */
	java.util.function.Function<String, org.baosong.extraction.ExtractedText> extraction = sha -> readable(REPORT_BODY, "");

	static org.baosong.extraction.ExtractedText readable(String text, String firstPage) {
		return new org.baosong.extraction.ExtractedText(org.baosong.extraction.ExtractionStatus.OK, "application/msword",
				"application/octet-stream", "标题", text, firstPage, "", 1, text.length(), false, false, true, List.of());
	}

	Screening screening;

	@BeforeEach
	void setUp() throws Exception {
		parser = new MailParser(MimeLimits.defaults(), new FileSystemBlobStore(archive));
		var unit = new Unit(1, "D01", "越秀区政府", "越秀区", List.of("越秀区人民政府"), "district", null, 1, true);
		var informant = new Informant(1, 1, "李华", "信息员", "13800138000", List.of(INFORMANT), true, null, null);
		when(registry.informantByAddress(anyString())).thenReturn(Optional.empty());
		when(registry.unitByNameOrAlias(anyString())).thenReturn(Optional.empty());
		when(registry.unitByNameOrAlias("越秀区")).thenReturn(Optional.of(unit));
		when(registry.unitByNameOrAlias("荔湾区")).thenReturn(Optional.of(
				new Unit(2, "D02", "荔湾区政府", "荔湾区", List.of(), "district", null, 2, true)));
		when(registry.informantByAddress(INFORMANT)).thenReturn(Optional.of(new SenderMatch(informant, unit)));
		when(submissions.duplicateOf(org.mockito.ArgumentMatchers.anyLong(), anyString(), org.mockito.ArgumentMatchers.any()))
			.thenReturn(Optional.empty());
		when(submissions.nearDuplicateOf(anyString(), org.mockito.ArgumentMatchers.any())).thenReturn(Optional.empty());
		org.baosong.extraction.TextExtractor extractor = new org.baosong.extraction.TextExtractor() {
			@Override
			public boolean applicable(String contentType) {
				return true;
			}

			@Override
			public org.baosong.extraction.ExtractedText extract(String sha256, String declaredType, String fileName) {
				return extraction.apply(sha256);
			}
		};
		screening = new Screening(registry, new ScreeningProperties("baosong-gateway", List.of(), false), submissions, inbound, extractor);
	}

	private Verdict screen(MimeMessage message) throws Exception {
		return screen(message, GZ);
	}

	private Verdict screen(MimeMessage message, JurisdictionProfile profile) throws Exception {
		var out = new ByteArrayOutputStream();
		message.saveChanges();
		message.writeTo(out);
		var mail = parser.parse(new ByteArrayInputStream(out.toByteArray()));
		return screening.screen(new ScreeningInput(1, "x", out.size(), mail, profile, LocalDate.of(2026, 11, 20), RECEIVED_AT)).verdict();
	}

	private static MimeMessage mail(String from, String subject, String body, MimeBodyPart... attachments) throws Exception {
		return org.baosong.testsupport.TestMails.mail(from, "submit@baosong.test", subject, body, attachments);
	}

	private static MimeBodyPart file(String name, byte[] bytes, String declaredType) throws Exception {
		var part = new MimeBodyPart();
		part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(bytes, declaredType)));
		part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(name, "UTF-8", "B"));
		part.setDisposition("attachment");
		return part;
	}

	private static MimeBodyPart document(String resource, String name) throws Exception {
		return file(name, Files.readAllBytes(Path.of("src/test/resources/screening", resource)), "application/octet-stream");
	}

	private static byte[] zip() throws Exception {
		var out = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("a.doc"));
			zip.write("x".getBytes());
		}
		return out.toByteArray();
	}

	private static byte[] png() throws Exception {
		var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var out = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void aRegisteredSendersReportIsAccepted() throws Exception {
		var verdict = screen(mail(INFORMANT, SUBJECT, "见附件。", document("report1.docx", "报告.docx")));
		assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.ACCEPTED);
		assertThat(verdict.reasons()).isEmpty();
	}

	@Test
	void automaticMailIsIgnored() throws Exception {
		assertThat(screen(mail(INFORMANT, "自动回复：休假中", "我正在休假")).outcome()).isEqualTo(Outcome.IGNORED);
		var bulk = mail(INFORMANT, SUBJECT, REPORT_BODY);
		bulk.setHeader("Precedence", "bulk");
		assertThat(screen(bulk).reasonCodes()).containsExactly("AUTO_GENERATED");
		var auto = mail(INFORMANT, SUBJECT, REPORT_BODY);
		auto.setHeader("Auto-Submitted", "auto-replied");
		assertThat(screen(auto).outcome()).isEqualTo(Outcome.IGNORED);
		var loop = mail(INFORMANT, SUBJECT, REPORT_BODY);
		loop.setHeader("X-Loop", "baosong-gateway");
		assertThat(screen(loop).outcome()).isEqualTo(Outcome.IGNORED);
		assertThat(screen(mail("MAILER-DAEMON@mx.example.gov.cn", "Undelivered Mail", "x")).outcome()).isEqualTo(Outcome.IGNORED);
		var notAuto = mail(INFORMANT, SUBJECT, REPORT_BODY);
		notAuto.setHeader("Auto-Submitted", "no");
		assertThat(screen(notAuto).outcome()).isEqualTo(Outcome.ACCEPTED);
	}

	@Test
	void twoFromAddressesAreQuarantined() throws Exception {
		var message = mail(INFORMANT, SUBJECT, REPORT_BODY);
		message.addHeader("From", "spoof@example.gov.cn");
		var verdict = screen(message);
		assertThat(verdict.outcome()).isEqualTo(Outcome.QUARANTINED);
		assertThat(verdict.reasonCodes()).containsExactly("SENDER_NOT_AUTHENTICATED");
	}

	@Test
	void authenticationResultsCountOnlyFromTrustedServers() throws Exception {
		var untrusted = mail(INFORMANT, SUBJECT, REPORT_BODY);
		untrusted.setHeader("Authentication-Results", "evil.example; dmarc=fail header.from=demo.baosong.test");
		assertThat(screen(untrusted).outcome()).isEqualTo(Outcome.ACCEPTED);
	}

	@Test
	void aTrustedServersVerdictCounts() throws Exception {
		var r = GZ.rules();
		var trusting = new JurisdictionProfile(GZ.id(), GZ.name(), GZ.office(), GZ.trackingPrefix(), GZ.calendar(), GZ.sequences(),
				GZ.subject(), new org.baosong.profile.RuleOptions(r.receipt(), r.signatureBlockRequired(), r.bodyMinChars(),
						r.bodyMaxChars(), r.maxPhotos(), r.spreadsheetsAreReports(), r.duplicateWindowDays(), List.of("mx.gz.gov.cn")), GZ.editorial(), GZ.scoring());
		var failed = mail(INFORMANT, SUBJECT, REPORT_BODY);
		failed.setHeader("Authentication-Results", "mx.gz.gov.cn; dmarc=fail (p=quarantine) header.from=demo.baosong.test");
		var forged = screen(failed, trusting);
		assertThat(forged.outcome()).isEqualTo(Outcome.QUARANTINED);
		assertThat(forged.reasonCodes()).containsExactly("SENDER_NOT_AUTHENTICATED");

		// an unknown sender vouched for by the trusted server is told it is not registered
		var stranger = mail("stranger@example.gov.cn", SUBJECT, REPORT_BODY);
		stranger.setHeader("Authentication-Results", "mx.gz.gov.cn; dkim=pass header.d=example.gov.cn; dmarc=pass header.from=example.gov.cn");
		var unknown = screen(stranger, trusting);
		assertThat(unknown.outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(unknown.reasonCodes()).contains("SENDER_UNKNOWN");
	}

	@Test
	void aRuleThatFailsQuarantinesTheMessageAsAnInternalError() throws Exception {
		extraction = sha -> {
			throw new IllegalStateException("extraction backend unavailable");
		};
		var verdict = screen(mail(INFORMANT, SUBJECT, "见附件。" + SIGN, document("report1.docx", "报告.docx")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.QUARANTINED);
		assertThat(verdict.reasonCodes()).containsExactly("INTERNAL_ERROR");
	}

	@Test
	void aDatabaseOutageIsNoVerdictButAFailureTheIntakeRetries() throws Exception {
		when(registry.informantByAddress(anyString()))
			.thenThrow(new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
					new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
		var mail = mail(INFORMANT, SUBJECT, REPORT_BODY);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> screen(mail))
			.isInstanceOf(org.springframework.jdbc.CannotGetJdbcConnectionException.class);
	}

	@Test
	void anUnknownSenderIsQuarantinedSilently() throws Exception {
		var verdict = screen(mail("stranger@example.gov.cn", SUBJECT, REPORT_BODY));
		assertThat(verdict.outcome()).isEqualTo(Outcome.QUARANTINED);
		assertThat(verdict.reasonCodes()).containsExactly("SENDER_UNKNOWN");
	}

	@Test
	void bodyOnlyReportsMustBeLongEnoughAndShortEnough() throws Exception {
		assertThat(screen(mail(INFORMANT, SUBJECT, "请查收。" + SIGN)).reasonCodes()).containsExactly("NO_REPORT");
		assertThat(screen(mail(INFORMANT, SUBJECT, "很长的信息。".repeat(300) + SIGN)).reasonCodes()).containsExactly("BODY_TOO_LONG");
		// quoted text does not count toward a report
		String quoted = "请查收。" + SIGN + "\n\n-----原始邮件-----\n发件人: 某人\n" + REPORT_BODY;
		assertThat(screen(mail(INFORMANT, SUBJECT, quoted)).reasonCodes()).containsExactly("NO_REPORT");
	}

	@Test
	void oneReportPerMailAndNoArchivesOrExecutables() throws Exception {
		var verdict = screen(mail(INFORMANT, SUBJECT, "见附件", document("report1.docx", "报告一.docx"), document("report2.docx", "报告二.docx"),
				file("材料.zip", zip(), "application/zip"),
				file("setup.exe", new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 }, "application/octet-stream")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(verdict.reasonCodes()).containsExactlyInAnyOrder("MULTIPLE_REPORTS", "ARCHIVE_ATTACHMENT", "UNSUPPORTED_ATTACHMENT");
		assertThat(verdict.reasons()).filteredOn(r -> r.code().equals("MULTIPLE_REPORTS")).singleElement()
			.satisfies(r -> assertThat(r.detail()).contains("报告一.docx").contains("报告二.docx"));
	}

	@Test
	void photosAreNotReportsButTheirNumberIsLimited() throws Exception {
		byte[] png = png();
		var few = screen(mail(INFORMANT, SUBJECT, "见附件", document("report1.doc", "报告.doc"), file("1.png", png, "image/png"),
				file("2.png", png, "image/png")));
		assertThat(few.outcome()).as(few.toString()).isEqualTo(Outcome.ACCEPTED);

		var parts = new MimeBodyPart[11];
		parts[0] = document("report3.wps", "报告.wps");
		for (int i = 1; i < parts.length; i++) {
			parts[i] = file(i + ".png", png, "image/png");
		}
		assertThat(screen(mail(INFORMANT, SUBJECT, "见附件", parts)).reasonCodes()).containsExactly("TOO_MANY_PHOTOS");
	}

	@Test
	void aForwardedMessageIsNotASubmission() throws Exception {
		var forwarded = new MimeBodyPart();
		var inner = mail("someone@example.gov.cn", "原始通知", "内容");
		inner.saveChanges();
		forwarded.setContent(inner, "message/rfc822");
		assertThat(screen(mail(INFORMANT, SUBJECT, REPORT_BODY, forwarded)).reasonCodes()).contains("REPLY_OR_FORWARD");
	}

	@Test
	void classifiedMarkingsAreRejected() throws Exception {
		assertThat(screen(mail(INFORMANT, SUBJECT, "机密★1年\n" + REPORT_BODY)).reasonCodes()).contains("CLASSIFIED_MARKING");
		assertThat(screen(mail(INFORMANT, SUBJECT, "密级：秘密\n" + REPORT_BODY)).reasonCodes()).contains("CLASSIFIED_MARKING");
		assertThat(screen(mail(INFORMANT, SUBJECT, "做好保密工作，防止泄露秘密。" + REPORT_BODY)).reasonCodes())
			.doesNotContain("CLASSIFIED_MARKING");
	}

	@Test
	void theSameTextFromTheSameUnitIsADuplicate() throws Exception {
		when(submissions.duplicateOf(org.mockito.ArgumentMatchers.eq(1L),
				org.mockito.ArgumentMatchers.eq(org.baosong.editorial.Filing.textHash(REPORT_BODY)), org.mockito.ArgumentMatchers.any()))
			.thenReturn(Optional.of("GZ-2026-000007"));
		// different spacing and full-width punctuation do not hide a resend
		var verdict = screen(mail(INFORMANT, SUBJECT, REPORT_BODY.replace("。", "，").replace("改造", "改 造")));
		assertThat(verdict.reasonCodes()).containsExactly("DUPLICATE");
		assertThat(verdict.reasons().get(0).detail()).contains("GZ-2026-000007");
	}

	@Test
	void aReusedMessageIdIsOnlyAFlag() throws Exception {
		when(inbound.messageIdUsedByAnother(anyString(), org.mockito.ArgumentMatchers.anyLong())).thenReturn(true);
		var verdict = screen(mail(INFORMANT, SUBJECT, REPORT_BODY));
		assertThat(verdict.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(verdict.flagCodes()).contains("MESSAGE_ID_REUSED");
	}

	@Test
	void subjectProblemsAreAllReportedWithTheirFixes() throws Exception {
		var verdict = screen(mail(INFORMANT, "【动态】越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|1380013800", REPORT_BODY));
		assertThat(verdict.outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(verdict.reasonCodes()).contains("SUBJECT_MISSING_FIELDS", "PHONE_INVALID");
		assertThat(verdict.reasons()).allSatisfy(r -> assertThat(r.detail()).isNotBlank());
	}

	@Test
	void theSubjectsUnitMustBeTheSendersUnit() throws Exception {
		var verdict = screen(mail(INFORMANT, SUBJECT.replace("越秀区|", "荔湾区|"), REPORT_BODY));
		assertThat(verdict.reasonCodes()).containsExactly("UNIT_MISMATCH");
		assertThat(verdict.reasons().get(0).detail()).contains("荔湾区政府").contains("越秀区政府");
	}

	@Test
	void aCommissionReplyMustNameAnOpenCommission() throws Exception {
		when(submissions.commission(anyString(), anyString())).thenReturn(Optional.empty());
		var verdict = screen(mail(INFORMANT, SUBJECT.replace("【动态】", "【约稿:YG2026-07】"), REPORT_BODY));
		assertThat(verdict.reasonCodes()).containsExactly("COMMISSION_UNKNOWN");
	}

	private void commission(Instant deadline, String state, Instant closedAt) {
		when(submissions.commission(anyString(), anyString()))
			.thenReturn(Optional.of(new org.baosong.editorial.Submissions.Commission(7, "YG2026-07", "重点项目建设进展", deadline, state, closedAt)));
	}

	private Verdict commissionReply(String dateHeader) throws Exception {
		var message = mail(INFORMANT, SUBJECT.replace("【动态】", "【约稿:YG2026-07】"), REPORT_BODY);
		message.saveChanges();
		message.setHeader("Date", dateHeader);
		return screen(message);
	}

	@Test
	void aCommissionReplyIsJudgedByWhenTheGatewayReceivedItNotByItsDateHeader() throws Exception {
		// open, due an hour after receipt: on time, whatever date the sender's machine wrote
		commission(RECEIVED_AT.plusSeconds(3600), "OPEN", null);
		assertThat(commissionReply("Fri, 27 Nov 2026 09:30:00 +0800").flagCodes()).doesNotContain("LATE_COMMISSION");
		// due an hour before receipt: late, though the sender's Date: header says last week
		commission(RECEIVED_AT.minusSeconds(3600), "OPEN", null);
		var late = commissionReply("Fri, 13 Nov 2026 09:30:00 +0800");
		assertThat(late.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(late.flagCodes()).contains("LATE_COMMISSION");
	}

	@Test
	void aCommissionClosedAfterTheMessageWasReceivedStillTakesIt() throws Exception {
		// closed by the job while the message waited (backlog, quarantine): received before the close, accepted as late
		commission(RECEIVED_AT.minusSeconds(3600), "CLOSED", RECEIVED_AT.plusSeconds(60));
		var waited = commissionReply("Fri, 20 Nov 2026 09:29:00 +0800");
		assertThat(waited.outcome()).as(waited.toString()).isEqualTo(Outcome.ACCEPTED);
		assertThat(waited.flagCodes()).contains("LATE_COMMISSION");
		// closed early by an administrator after receipt, the deadline still ahead: accepted, on time
		commission(RECEIVED_AT.plusSeconds(86_400), "CLOSED", RECEIVED_AT.plusSeconds(60));
		assertThat(commissionReply("Fri, 20 Nov 2026 09:29:00 +0800").flagCodes()).doesNotContain("LATE_COMMISSION");
		// closed before it was received: refused
		commission(RECEIVED_AT.minusSeconds(3600), "CLOSED", RECEIVED_AT.minusSeconds(60));
		assertThat(commissionReply("Fri, 20 Nov 2026 09:29:00 +0800").reasonCodes()).containsExactly("COMMISSION_CLOSED");
		commission(RECEIVED_AT.minusSeconds(3600), "CLOSED", RECEIVED_AT);
		assertThat(commissionReply("Fri, 20 Nov 2026 09:29:00 +0800").reasonCodes()).containsExactly("COMMISSION_CLOSED");
	}

	@Test
	void theSignatureBlockMustMatchTheSubject() throws Exception {
		var verdict = screen(mail(INFORMANT, SUBJECT, REPORT_BODY.replace("报送人：李华", "报送人：张三")));
		assertThat(verdict.reasonCodes()).containsExactly("SIGNATURE_BLOCK_MISSING");
		assertThat(verdict.reasons().get(0).detail()).contains("李华");
	}

	@Test
	void aMarkingOnTheFirstPageOfAnAttachmentIsFound() throws Exception {
		extraction = sha -> readable(REPORT_BODY, "密级：机密\n关于某事项的情况报告");
		var verdict = screen(mail(INFORMANT, SUBJECT, "见附件。" + SIGN, document("report1.docx", "报告.docx")));
		assertThat(verdict.reasonCodes()).contains("CLASSIFIED_MARKING");
		assertThat(verdict.reasons()).filteredOn(r -> r.code().equals("CLASSIFIED_MARKING")).singleElement()
			.satisfies(r -> assertThat(r.detail()).contains("报告.docx"));
	}

	@Test
	void anAttachmentThatCannotBeFullyReadFailsClosed() throws Exception {
		extraction = sha -> org.baosong.extraction.ExtractedText.failed(org.baosong.extraction.ExtractionStatus.TIMEOUT, "application/pdf",
				"application/pdf", List.of("timeout after 60 s"));
		var verdict = screen(mail(INFORMANT, SUBJECT, "见附件。" + SIGN, document("report1.pdf", "报告.pdf")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.QUARANTINED);
		assertThat(verdict.reasonCodes()).containsExactly("EXTRACTION_TIMEOUT");

		extraction = sha -> new org.baosong.extraction.ExtractedText(org.baosong.extraction.ExtractionStatus.ENCRYPTED, "application/pdf",
				"application/pdf", null, "", "", "", 0, 0, false, true, true, List.of());
		assertThat(screen(mail(INFORMANT, SUBJECT, "见附件。" + SIGN, document("report1.pdf", "报告.pdf"))).reasonCodes())
			.containsExactly("ENCRYPTED_ATTACHMENT");
	}

	@Test
	void theSignatureBlockMayStandInTheAttachedReport() throws Exception {
		var verdict = screen(mail(INFORMANT, SUBJECT, "见附件。", document("report1.docx", "报告.docx")));
		assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.ACCEPTED);
		extraction = sha -> readable("越秀区推进老旧小区改造。".repeat(30), "");
		assertThat(screen(mail(INFORMANT, SUBJECT, "见附件。", document("report1.docx", "报告.docx"))).reasonCodes())
			.containsExactly("SIGNATURE_BLOCK_MISSING");
	}

	@Test
	void aBodyThatIsAnotherReportThanTheAttachmentIsRejected() throws Exception {
		String otherReport = "荔湾区开展消防安全大检查，排查隐患一百余处，督促整改到位。".repeat(8) + SIGN;
		var verdict = screen(mail(INFORMANT, SUBJECT, otherReport, document("report1.docx", "报告.docx")));
		assertThat(verdict.reasonCodes()).containsExactly("BODY_AND_ATTACHMENT_DIFFER");
		// the body repeating the report is one report
		assertThat(screen(mail(INFORMANT, SUBJECT, REPORT_BODY, document("report1.docx", "报告.docx"))).outcome())
			.isEqualTo(Outcome.ACCEPTED);
	}

	@Test
	void flagsGoWithAnAcceptedSubmission() throws Exception {
		var verdict = screen(mail(INFORMANT, "【要情】越秀区|越秀区突发暴雨内涝处置情况|签发人:王明|报送人:李华|13800138000|2026-11-20",
				"据新华社报道，" + REPORT_BODY));
		assertThat(verdict.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(verdict.flagCodes()).containsExactly("SOURCE_NOTE", "URGENT");
	}
}
