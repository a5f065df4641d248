package io.shoudan.store.policy;

/** The number of a stored policy version: 1 for the first, each save adds one. */
public record PolicyVersionNumber(long value) implements Comparable<PolicyVersionNumber> {

    public PolicyVersionNumber {
        if (value < 1) {
            throw new IllegalArgumentException("a policy version number starts at 1, got " + value);
        }
    }

    public PolicyVersionNumber next() {
        return new PolicyVersionNumber(Math.addExact(value, 1));
    }

    @Override
    public int compareTo(PolicyVersionNumber other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
