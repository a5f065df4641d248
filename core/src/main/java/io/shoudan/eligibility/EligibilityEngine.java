package io.shoudan.eligibility;

import io.shoudan.method.PaymentMethod;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a payment method is supported right now and explains every refusal. The one
 * implementation of the rules: live payments and diagnoses both call it.
 *
 * <p>Stateless and thread-safe. On the hot path it runs each rule's cheap test; evidence is built only
 * for rules that hold. Alternatives run only the rules that depend on the method, each stopping at
 * its first blocking rule: the others were already decided for the asked method.
 */
public final class EligibilityEngine {

    private final Rule[] rules;
    /** The blocking rules that read the method, for alternatives. */
    private final Rule[] perMethodBlockingRules;
    /** The codes of the rules that hold for every method alike: one of them leaves no alternative. */
    private final Set<ReasonCode> sameForEveryMethod = EnumSet.noneOf(ReasonCode.class);

    public EligibilityEngine() {
        this.rules = Rules.ALL.toArray(Rule[]::new);
        this.perMethodBlockingRules = Rules.ALL.stream()
                .filter(rule -> rule.code().blocking() && !rule.sameForEveryMethod())
                .toArray(Rule[]::new);
        for (Rule rule : rules) {
            if (rule.sameForEveryMethod()) {
                sameForEveryMethod.add(rule.code());
            }
        }
    }

    /** The full verdict: every reason and the alternatives. */
    public Verdict evaluate(Snapshot snapshot, PaymentIntent intent) {
        List<Reason> reasons = reasons(Facts.of(snapshot, intent));
        return new Verdict(intent.method(), reasons, alternatives(snapshot, intent, reasons));
    }

    /** Every reason, without looking for alternatives: what a live payment needs. */
    public Verdict evaluateWithoutAlternatives(Snapshot snapshot, PaymentIntent intent) {
        return new Verdict(intent.method(), reasons(Facts.of(snapshot, intent)), List.of());
    }

    private List<Reason> reasons(Facts facts) {
        List<Reason> reasons = null;
        boolean warnings = false;
        for (Rule rule : rules) {
            if (rule.holds(facts)) {
                if (reasons == null) {
                    reasons = new ArrayList<>(4);
                }
                rule.explain(facts, reasons);
                warnings |= !rule.code().blocking();
            }
        }
        if (reasons == null) {
            return List.of();
        }
        return warnings ? blockingFirst(reasons) : reasons;
    }

    /** Rules run in catalogue order, so a stable partition gives the contract's order. */
    private static List<Reason> blockingFirst(List<Reason> reasons) {
        List<Reason> ordered = new ArrayList<>(reasons.size());
        for (Reason reason : reasons) {
            if (reason.blocking()) {
                ordered.add(reason);
            }
        }
        for (Reason reason : reasons) {
            if (!reason.blocking()) {
                ordered.add(reason);
            }
        }
        return ordered;
    }

    private List<PaymentMethod> alternatives(Snapshot snapshot, PaymentIntent intent, List<Reason> askedReasons) {
        for (Reason reason : askedReasons) {
            if (sameForEveryMethod.contains(reason.code())) {
                return List.of();
            }
        }
        List<PaymentMethod> alternatives = new ArrayList<>(PaymentMethod.all().size());
        for (PaymentMethod other : PaymentMethod.all()) {
            if (other != intent.method() && accepts(Facts.alternative(snapshot, other, intent.amount()))) {
                alternatives.add(other);
            }
        }
        return alternatives;
    }

    private boolean accepts(Facts facts) {
        if (facts.rule == null) {
            return false;
        }
        for (Rule rule : perMethodBlockingRules) {
            if (rule.holds(facts)) {
                return false;
            }
        }
        return true;
    }
}
