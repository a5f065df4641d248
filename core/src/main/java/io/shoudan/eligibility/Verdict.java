package io.shoudan.eligibility;

import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;

import java.util.List;

/**
 * The answer to "can this terminal take this payment with this method now?": every reason that
 * holds, blocking ones first, each group in catalogue order, and the other methods that would work.
 *
 * @param alternatives other methods this terminal, merchant and moment would accept for the same
 *                     amount, in contract order; empty when alternatives were not asked for
 */
public record Verdict(PaymentMethod method, List<Reason> reasons, List<PaymentMethod> alternatives) {

    public Verdict {
        reasons = List.copyOf(reasons);
        alternatives = List.copyOf(alternatives);
    }

    /** True exactly when no reason is blocking. */
    public boolean supported() {
        for (Reason reason : reasons) {
            if (reason.blocking()) {
                return false;
            }
        }
        return true;
    }

    public Channel channel() {
        return method.channel();
    }

    public boolean has(ReasonCode code) {
        for (Reason reason : reasons) {
            if (reason.code() == code) {
                return true;
            }
        }
        return false;
    }

    public List<ReasonCode> codes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
