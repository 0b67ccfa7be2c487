/**
 * Shared plumbing every module may use: the injected {@link java.time.Clock}, cross-cutting
 * settings ({@code baosong.data-dir}, {@code baosong.time-zone}, {@code baosong.demo}), the
 * normalization of lookup keys (NFKC) and the start-up failure reporting for configuration errors.
 * Nothing domain-specific lives here.
 */
package org.baosong.common;
