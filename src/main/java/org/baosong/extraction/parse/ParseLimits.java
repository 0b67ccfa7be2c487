package org.baosong.extraction.parse;

/** The limits a parser process applies to one file; sent with every request. */
public record ParseLimits(int writeLimit, int maxEmbeddedDepth, int maxEmbeddedCount, int maxCompressionRatio) {
}
