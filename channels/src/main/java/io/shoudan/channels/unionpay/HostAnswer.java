package io.shoudan.channels.unionpay;

/**
 * The host's answer by field (null: absent).
 *
 * @param rrn             field 37, the host's reference for the transaction
 * @param originalStatus  for a query: PENDING, APPROVED, DECLINED, VOIDED, REVERSED
 * @param originalField39 for a query: the original's own field 39
 */
public record HostAnswer(String field39, String rrn, String originalStatus, String originalField39) {
}
