package org.baosong.screening;

/**
 * A reason code of the spec's table (or a flag) with the detail a person needs: for a rejection it is
 * written into the reply, in Chinese, so that the sender knows exactly what to fix.
 */
public record Reason(String code, String detail) {
}
