package org.baosong.archive;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param dir where blobs are kept; default {@code <baosong.data-dir>/archive} */
@Validated
@ConfigurationProperties(prefix = "baosong.archive", ignoreUnknownFields = false)
public record ArchiveProperties(Path dir) {
}
