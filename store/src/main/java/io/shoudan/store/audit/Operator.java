package io.shoudan.store.audit;

import java.util.regex.Pattern;

/**
 * Who made a change: a person of the operations staff ({@code ops:alice}), a merchant's user
 * ({@code merchant:M100001:bob}) or a component of the platform ({@code system:recovery}).
 */
public record Operator(String name) {

    private static final Pattern FORM = Pattern.compile("[\\p{L}\\p{N}_.:@-]{1,64}");

    public static final Operator SYSTEM = new Operator("system");

    public Operator {
        if (name == null || !FORM.matcher(name).matches()) {
            throw new IllegalArgumentException("\"" + name + "\" is not an operator name (1-64 letters, digits, '_', '.', ':', '@', '-')");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
