package org.baosong.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param initialAdminPassword the password of the first administrator, required when the database
 *                             has no user yet and demo mode is off (set it from the environment:
 *                             {@code BAOSONG_SECURITY_INITIAL_ADMIN_PASSWORD})
 */
@Validated
@ConfigurationProperties(prefix = "baosong.security", ignoreUnknownFields = false)
public record SecurityProperties(String initialAdminPassword) {
}
