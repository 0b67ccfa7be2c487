package org.baosong.profile;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The options of the subject-line grammar (spec/submission-rules.md). Defaults are the spec's.
 *
 * @param required    the elements a subject must carry
 * @param types       known report types (类型) in the 【】 tag
 * @param defaultType the type of a subject without a tag
 * @param dateWindow  how far the subject's date may lie from the day of receipt
 * @param titleLength bounds on the title's length in characters
 */
public record SubjectGrammar(
		@NotEmpty @DefaultValue({ "TITLE", "UNIT", "SIGNER", "REPORTER", "PHONE", "DATE" }) Set<SubjectElement> required,
		@NotEmpty @DefaultValue({ "动态", "综合", "调研", "简讯", "要情", "专报" }) List<@NotBlank String> types,
		@NotBlank @DefaultValue("动态") String defaultType,
		@Valid @NotNull @DefaultValue DateWindow dateWindow,
		@Valid @NotNull @DefaultValue TitleLength titleLength) {

	@AssertTrue(message = "default-type must be one of types")
	public boolean isDefaultTypeKnown() {
		return types == null || defaultType == null || types.contains(defaultType);
	}

	public enum SubjectElement {
		TITLE, UNIT, SIGNER, REPORTER, PHONE, DATE
	}

	public record DateWindow(@Min(0) @DefaultValue("7") int daysBefore, @Min(0) @DefaultValue("1") int daysAfter) {
	}

	public record TitleLength(@Min(1) @DefaultValue("6") int min, @Min(1) @DefaultValue("80") int max) {

		@AssertTrue(message = "min must not be greater than max")
		public boolean isOrdered() {
			return min <= max;
		}
	}
}
