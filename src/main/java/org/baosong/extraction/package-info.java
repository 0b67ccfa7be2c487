/**
 * Attachment text extraction: the {@code TextExtractor} API and its Apache Tika implementation,
 * run isolated from the gateway's JVM and bounded in time, memory and output; OFD support; text
 * normalization and title detection.
 */
package org.baosong.extraction;
