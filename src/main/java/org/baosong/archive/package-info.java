/**
 * The blob store for raw .eml files and attachments, content-addressed by SHA-256: the filesystem
 * implementation under the data directory (atomic write: temp file, fsync, rename) by default, a
 * database-backed one for several nodes. Stage 1 of intake writes here before anything else.
 */
package org.baosong.archive;
