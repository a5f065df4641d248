package io.shoudan.payment;

import io.shoudan.reason.ReasonCode;

/** A channel's answer to a refund or a void of a successful payment. */
public sealed interface RefundAnswer {

    RawCode raw();

    record Refunded(RawCode raw) implements RefundAnswer {
        public Refunded {
            if (raw == null) {
                throw new IllegalArgumentException("a refund answer needs the raw code");
            }
        }
    }

    /** The channel will not refund (e.g. past its window, trade already closed). */
    record Refused(RawCode raw, ReasonCode reason) implements RefundAnswer {
        public Refused {
            if (raw == null || reason == null) {
                throw new IllegalArgumentException("a refusal needs the raw code and the reason it maps to");
            }
        }
    }

    /** Unknown (timeout, system error): retry with the same refund id, which the channel de-duplicates. */
    record Pending(RawCode raw) implements RefundAnswer {
        public Pending {
            if (raw == null) {
                throw new IllegalArgumentException("a pending answer needs the raw code");
            }
        }
    }
}
