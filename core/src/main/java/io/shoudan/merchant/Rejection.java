package io.shoudan.merchant;

/**
 * One item of a reviewer's rejection: the application field to correct and why, as the reviewer
 * wrote it (WeChat Pay's {@code field} / {@code reject_reason}, Alipay's risk or data memo).
 */
public record Rejection(String field, String reason) {

    public Rejection {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("a rejection names the field to correct");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection of " + field + " says why");
        }
    }
}
