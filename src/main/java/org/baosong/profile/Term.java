package org.baosong.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * One entry of a profile's editorial vocabulary: a stable code that acts, ledgers and the scoring
 * rules refer to, and the Chinese name people see.
 *
 * @param code e.g. {@code city-leader}, {@code province}, {@code excellent}
 * @param name e.g. 市领导批示, 省政府办公厅, 优秀信息
 */
public record Term(
		@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and '-'") String code,
		@NotBlank String name) {
}
