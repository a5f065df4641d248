package io.shoudan.store.audit;

import java.util.regex.Pattern;

/** What was done, as an upper-case code such as {@code POLICY.VERSION_SAVED}; the catalogue is open. */
public record AuditAction(String code) {

    private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)*");

    public static final AuditAction POLICY_VERSION_SAVED = new AuditAction("POLICY.VERSION_SAVED");
    public static final AuditAction POLICY_VERSION_ACTIVATED = new AuditAction("POLICY.VERSION_ACTIVATED");
    public static final AuditAction MAINTENANCE_WINDOW_ADDED = new AuditAction("MAINTENANCE.WINDOW_ADDED");
    public static final AuditAction MAINTENANCE_WINDOW_REMOVED = new AuditAction("MAINTENANCE.WINDOW_REMOVED");

    public AuditAction {
        if (code == null || code.length() > 64 || !FORM.matcher(code).matches()) {
            throw new IllegalArgumentException("\"" + code + "\" is not an audit action (upper-case words joined by '.', at most 64)");
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
