package org.baosong.profile;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A sequence (序列) of units that are ranked together and share targets.
 *
 * @param code         stable identifier used by the registry, e.g. {@code district}
 * @param name         display name, e.g. 区（县级市）序列
 * @param kind         what kind of units it holds
 * @param parentCredit the share of a unit's points also credited to its supervising unit
 *                     (Guangzhou 双轨制 for direct-report points: 0.5); 0 when not used
 * @param targets      score targets and quantity quotas per period
 */
public record Sequence(
		@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and '-'") String code,
		@NotBlank String name,
		@NotNull SequenceKind kind,
		@NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") BigDecimal parentCredit,
		@Valid @NotNull @DefaultValue List<Target> targets) {
}
