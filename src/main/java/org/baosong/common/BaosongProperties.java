package org.baosong.common;

import java.nio.file.Path;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every module. Module settings live under their own prefix
 * ({@code baosong.profiles}, {@code baosong.embedded-mail}, {@code baosong.mailboxes}, ...).
 *
 * @param dataDir  where the embedded database, the archive and the logs live
 * @param timeZone the office's time zone: periods, dates in subjects and "today" are judged in it
 * @param demo     demo data for the embedded default
 */
@Validated
@ConfigurationProperties(prefix = "baosong")
public record BaosongProperties(
		@NotNull @DefaultValue("./data") Path dataDir,
		@NotNull @DefaultValue("Asia/Shanghai") ZoneId timeZone,
		@NotNull @DefaultValue Demo demo) {

	/**
	 * @param enabled load the demo registry and demo users on a first start (empty database)
	 * @param dir     where the demo registry files are
	 */
	public record Demo(@DefaultValue("false") boolean enabled, @NotNull @DefaultValue("./config/demo") Path dir) {
	}
}
