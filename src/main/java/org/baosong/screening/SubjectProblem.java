package org.baosong.screening;

/**
 * One thing wrong with a subject.
 *
 * @param reasonCode a stable reason code of spec/submission-rules.md
 * @param element    the 要素 it concerns in Chinese (标题, 单位, 签发人, 报送人, 联系电话, 日期, 类型), or 主题
 *                   when it concerns the subject as a whole
 * @param detail     a short Chinese explanation that goes into the rejection reply verbatim
 */
public record SubjectProblem(String reasonCode, String element, String detail) {
}
