package io.shoudan.channels.mapping;

import io.shoudan.payment.PendingCause;
import io.shoudan.reason.ReasonCode;

import java.util.Objects;

/** What one channel code means for the payment: approved, refused for a reason, already paid, or unknown ("pending, query"). */
public sealed interface CodeMeaning {

    /** The channel approved (Alipay 10000, WeChat SUCCESS, field 39 {@code 00}). */
    record Approved() implements CodeMeaning {
    }

    /** A definitive refusal: the channel did not take the money. */
    record Refusal(ReasonCode reason) implements CodeMeaning {
        public Refusal {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Nobody knows yet whether money moved: query, then cancel / reverse. Never a refusal. */
    record Unknown(PendingCause cause) implements CodeMeaning {
        public Unknown {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** A retried pay met a trade that is already paid (ACQ.TRADE_HAS_SUCCESS, ORDERPAID): query it for its trade number. */
    record AlreadyPaid() implements CodeMeaning {
    }

    static CodeMeaning refusal(ReasonCode reason) {
        return new Refusal(reason);
    }

    static CodeMeaning query(PendingCause cause) {
        return new Unknown(cause);
    }
}
