package io.shoudan.policy;

import io.shoudan.method.PaymentMethod;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The acquirer's eligibility policy: which methods are offered and on what conditions.
 * A method absent from {@code methods} is not offered at all.
 *
 * @param terminalOfflineAfterSeconds silence after which a terminal counts as offline; {@code null}: not checked
 */
public record Policy(Long terminalOfflineAfterSeconds, Map<PaymentMethod, MethodRule> methods) {

    public Policy {
        if (terminalOfflineAfterSeconds != null && terminalOfflineAfterSeconds < 0) {
            throw new IllegalArgumentException("terminalOfflineAfterSeconds must not be negative");
        }
        methods = Collections.unmodifiableMap(methods == null || methods.isEmpty()
                ? new EnumMap<>(PaymentMethod.class) : new EnumMap<>(methods));
    }

    /** The rule for {@code method}, or {@code null} when the method is not offered. */
    public MethodRule rule(PaymentMethod method) {
        return methods.get(method);
    }
}
