package io.shoudan.store.audit;

import java.util.regex.Pattern;

/** What a change was made to: a kind and an id, written {@code kind:id}, e.g. {@code policy:7}. */
public record AuditSubject(String kind, String id) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z_]{0,31}");

    public AuditSubject {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("\"" + kind + "\" is not a subject kind (lower-case letters and '_', at most 32)");
        }
        if (id == null || id.isEmpty() || id.length() > 95) {
            throw new IllegalArgumentException("an audit subject id must be 1-95 characters, got \"" + id + "\"");
        }
    }

    public static AuditSubject parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not an audit subject (kind:id)");
        }
        return new AuditSubject(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
