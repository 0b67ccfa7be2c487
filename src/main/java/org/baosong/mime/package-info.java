/**
 * Streaming MIME parsing with Apache James Mime4j into {@code ParsedMail}: headers, bodies and
 * attachments, with the Chinese charset strategy of spec/intake.md (GB2312 read as GB18030,
 * adjacent encoded-words joined at byte level, strict UTF-8 / GB18030 / Big5 fallback).
 */
package org.baosong.mime;
