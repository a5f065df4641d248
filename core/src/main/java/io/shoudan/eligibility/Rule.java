package io.shoudan.eligibility;

import io.shoudan.reason.Evidence;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.reason.ReasonFacts;

import java.util.List;

/**
 * One eligibility rule: one reason code, a cheap test, and the evidence to explain it. The test runs
 * for every evaluation and every alternative; the evidence is built only when the rule holds and a
 * full verdict is wanted. An abstract class rather than an interface of lambdas: the engine's loop
 * then makes one virtual call per rule, which matters at a million verdicts a second.
 */
abstract class Rule {

    /** Whether a rule reads the method it is asked about. */
    enum Reach {
        /** The rule reads the method (its channel, its products, its limits): each method is asked again. */
        THE_METHOD,
        /**
         * The rule reads nothing of the method, so it holds for every method alike: alternatives need not run
         * it again, and when it blocks the asked method it blocks every other one too.
         */
        EVERY_METHOD
    }

    private final ReasonCode code;
    private final Reach reach;

    Rule(ReasonCode code) {
        this(code, Reach.THE_METHOD);
    }

    Rule(ReasonCode code, Reach reach) {
        this.code = code;
        this.reach = reach;
    }

    final ReasonCode code() {
        return code;
    }

    final boolean sameForEveryMethod() {
        return reach == Reach.EVERY_METHOD;
    }

    abstract boolean holds(Facts facts);

    abstract Evidence evidence(Facts facts);

    /** The evidence of this rule's typed facts, which must be of this rule's code (a programmer's error otherwise). */
    final Evidence of(ReasonFacts facts) {
        if (facts.code() != code) {
            throw new IllegalStateException("rule " + code + " explained with the facts of " + facts.code());
        }
        return facts.evidence();
    }

    /** Adds this rule's reasons; called only when {@link #holds} is true. */
    void explain(Facts facts, List<Reason> out) {
        out.add(new Reason(code, evidence(facts)));
    }

    @Override
    public String toString() {
        return code.code();
    }
}
