package org.baosong.profile;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of the screening rules (spec/submission-rules.md); defaults are the spec's.
 *
 * @param receipt                   send a receipt for accepted mail
 * @param signatureBlockRequired    the body must carry the 落款 block (Guangzhou 四(四)3)
 * @param bodyMinChars              a body-only report shorter than this is NO_REPORT
 * @param bodyMaxChars              a body-only report longer than this must be attached (BODY_TOO_LONG); 0 = no limit
 * @param maxPhotos                 images allowed alongside a report (配图)
 * @param spreadsheetsAreReports    xls/xlsx attachments count as report-bearing documents
 * @param duplicateWindowDays       how far back DUPLICATE looks for the same text from the same unit
 * @param trustedAuthservIds        Authentication-Results headers are believed only from these authserv-ids
 */
public record RuleOptions(
		@DefaultValue("true") boolean receipt,
		@DefaultValue("false") boolean signatureBlockRequired,
		@Min(0) @DefaultValue("200") int bodyMinChars,
		@Min(0) @DefaultValue("0") int bodyMaxChars,
		@Min(0) @DefaultValue("9") int maxPhotos,
		@DefaultValue("false") boolean spreadsheetsAreReports,
		@Min(1) @DefaultValue("90") int duplicateWindowDays,
		@NotNull @DefaultValue List<@NotBlank String> trustedAuthservIds) {
}
