package io.shoudan.iso8583.spec;

import java.util.Objects;

/**
 * A positional sub-field of a field (for example CUP 60.2, the batch number): {@code length} characters after the
 * previous sub-field. A value may end after any complete sub-field; the last sub-field of a layout may be
 * shorter when {@code variable}.
 *
 * @param id       printed identifier, e.g. {@code 60.2}
 * @param name     human name
 * @param length   characters (digits for numeric parents)
 * @param variable whether this (last) sub-field takes the rest of the value, up to {@code length}
 */
public record SubFieldSpec(String id, String name, int length, boolean variable) {
    public SubFieldSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (length < 1) {
            throw new IllegalArgumentException("sub-field " + id + ": length must be positive");
        }
    }

    public static SubFieldSpec fixed(String id, String name, int length) {
        return new SubFieldSpec(id, name, length, false);
    }

    /** One sub-field's value cut out of its parent's value. */
    public record Part(SubFieldSpec spec, String value) {
    }

    /**
     * Cuts {@code value} into the layout's sub-fields, in order, stopping where the value ends (a value may stop
     * after any sub-field; a partial last piece is returned as it is).
     */
    public static java.util.List<Part> split(java.util.List<SubFieldSpec> layout, String value) {
        java.util.List<Part> parts = new java.util.ArrayList<>(layout.size());
        int p = 0;
        for (SubFieldSpec s : layout) {
            if (p >= value.length()) {
                break;
            }
            int to = Math.min(value.length(), p + s.length());
            parts.add(new Part(s, value.substring(p, to)));
            p = to;
        }
        return parts;
    }

    public static SubFieldSpec upTo(String id, String name, int length) {
        return new SubFieldSpec(id, name, length, true);
    }
}
