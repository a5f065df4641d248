package io.shoudan.store.audit;

import io.shoudan.merchant.MerchantId;

import java.time.OffsetDateTime;

/**
 * One line of the audit trail, never changed once written.
 *
 * @param merchantId the merchant concerned; {@code null} for a platform-wide change (policy, maintenance)
 * @param detail     free text or JSON describing the change; {@code null}: none
 */
public record AuditEntry(
        AuditEntryId id,
        OffsetDateTime occurredAt,
        Operator actor,
        AuditAction action,
        AuditSubject subject,
        MerchantId merchantId,
        String detail) {

    public AuditEntry {
        if (id == null || occurredAt == null || actor == null || action == null || subject == null) {
            throw new IllegalArgumentException("an audit entry needs id, occurredAt, actor, action and subject");
        }
    }
}
