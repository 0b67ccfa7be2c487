package org.baosong.screening;

import java.util.List;
import java.util.stream.Collectors;

import org.baosong.mime.MailPart;

/**
 * The attachment rules: MULTIPLE_REPORTS (一事一报: at most one report-bearing document),
 * ARCHIVE_ATTACHMENT, UNSUPPORTED_ATTACHMENT and TOO_MANY_PHOTOS. Photos are 配图, never a report.
 */
final class AttachmentRules implements ScreeningRule {

	@Override
	public void check(ScreeningContext context, Findings findings) {
		var kinds = context.attachments();
		List<MailPart> reports = kinds.get(AttachmentKind.REPORT);
		if (reports.size() > 1) {
			findings.reject("MULTIPLE_REPORTS", "一封邮件只能报送一条信息（一事一报），本邮件附有 " + reports.size() + " 个文稿：" + names(reports)
					+ "。请每条信息单独发一封邮件。");
		}
		for (MailPart archive : kinds.get(AttachmentKind.ARCHIVE)) {
			findings.reject("ARCHIVE_ATTACHMENT", "附件“" + name(archive) + "”是压缩包，无法清点其中的信息。请直接附上文稿（Word、WPS、PDF 等），不要压缩。");
		}
		for (MailPart unsupported : kinds.get(AttachmentKind.UNSUPPORTED)) {
			findings.reject("UNSUPPORTED_ATTACHMENT", "附件“" + name(unsupported) + "”的格式不能接收（可执行文件、含宏文档或无法识别的格式）。"
					+ "请另存为 doc、docx、wps、pdf、odt 或 ofd 后重新报送。");
		}
		int photos = kinds.get(AttachmentKind.PHOTO).size();
		int max = context.profile().rules().maxPhotos();
		if (photos > max) {
			findings.reject("TOO_MANY_PHOTOS", "邮件附有 " + photos + " 张图片，超过 " + max + " 张的上限。请精选配图后重新报送。");
		}
	}

	static String names(List<MailPart> parts) {
		return parts.stream().map(AttachmentRules::name).collect(Collectors.joining("”、“", "“", "”"));
	}

	static String name(MailPart part) {
		return part.filename() != null ? part.filename() : part.storedName();
	}
}
