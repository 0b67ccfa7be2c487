package org.baosong.scoring;

/**
 * What a bulletin flags about a unit in a closed period (the profile's {@code scoring.alerts}).
 *
 * @param kind   MISSED_TARGET, CONSECUTIVE_MISSED, ZERO_ADOPTION or PRAISE
 * @param praise true for praise (表扬), false for criticism (批评)
 * @param text   the profile's text, e.g. 连续四个季度未完成任务…
 */
public record Alert(long unitId, String unitName, String sequenceCode, String kind, boolean praise, String text, PeriodRef period) {
}
