package org.baosong.profile;

import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param dir          where the profile files are
 * @param jurisdiction the deployment's own profile: the registry's sequences come from it and a
 *                     mailbox that names no profile uses it
 */
@Validated
@ConfigurationProperties(prefix = "baosong.profiles", ignoreUnknownFields = false)
public record ProfileProperties(
		@NotNull @DefaultValue("./config/profiles") Path dir,
		@NotBlank @DefaultValue("guangzhou-2005") String jurisdiction) {
}
