package io.shoudan.eligibility;

import io.shoudan.reason.Evidence;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One eligibility rule: one reason code, a cheap test, and the evidence to explain it. The test runs
 * for every evaluation and every alternative; the evidence is built only when the rule holds and a
 * full verdict is wanted.
 */
interface Rule {

    ReasonCode code();

    boolean holds(Facts facts);

    /** Adds this rule's reasons; called only when {@link #holds} is true. */
    void explain(Facts facts, List<Reason> out);

    /** A rule that gives exactly one reason when it holds. */
    static Rule of(ReasonCode code, Predicate<Facts> holds, Function<Facts, Evidence> evidence) {
        return new Rule() {
            @Override
            public ReasonCode code() {
                return code;
            }

            @Override
            public boolean holds(Facts facts) {
                return holds.test(facts);
            }

            @Override
            public void explain(Facts facts, List<Reason> out) {
                out.add(new Reason(code, evidence.apply(facts)));
            }

            @Override
            public String toString() {
                return code.code();
            }
        };
    }
}
