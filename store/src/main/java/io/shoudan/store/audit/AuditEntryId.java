package io.shoudan.store.audit;

/** The audit log's own sequence number for an entry; later entries have larger ids. */
public record AuditEntryId(long value) {

    public AuditEntryId {
        if (value <= 0) {
            throw new IllegalArgumentException("an audit entry id is positive, got " + value);
        }
    }
}
