package org.baosong.common;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The document templates (ADR 0019, ADR 0025).
 *
 * @param templates the directory of the DOCX templates: {@code issue.docx} for every journal's issues,
 *                  {@code issue-CODE.docx} for one journal's own (its code as on /journals),
 *                  {@code bulletin.docx} for bulletins (通报)
 */
@Validated
@ConfigurationProperties(prefix = "baosong.documents", ignoreUnknownFields = false)
public record DocumentProperties(@NotNull @DefaultValue("./config/templates/docs") Path templates) {
}
