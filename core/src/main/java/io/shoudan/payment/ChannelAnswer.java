package io.shoudan.payment;

import io.shoudan.reason.ReasonCode;

/**
 * A channel's answer to a pay or a query. The adapter maps the channel's codes: Alipay 10000 /
 * {@code TRADE_SUCCESS} → {@link Paid}; 40004 with a business sub_code, {@code TRADE_CLOSED} →
 * {@link Refused}; 10003, 20000, {@code ACQ.SYSTEM_ERROR}, {@code WAIT_BUYER_PAY}, no answer, or a
 * query that does not find the trade (yet) → {@link Pending}. The raw code is always kept.
 */
public sealed interface ChannelAnswer {

    RawCode raw();

    /** The channel took the money. */
    record Paid(ChannelTradeNo tradeNo, FundingSource fundingSource, RawCode raw) implements ChannelAnswer {
        public Paid {
            if (tradeNo == null || fundingSource == null || raw == null) {
                throw new IllegalArgumentException("a paid answer needs the channel's trade number, funding source and raw code");
            }
        }
    }

    /** The channel definitively did not take the money. */
    record Refused(RawCode raw, ReasonCode reason) implements ChannelAnswer {
        public Refused {
            if (raw == null || reason == null) {
                throw new IllegalArgumentException("a refusal needs the raw code and the reason it maps to");
            }
        }
    }

    /** Nobody knows yet: query, then cancel or reverse. */
    record Pending(RawCode raw, PendingCause cause) implements ChannelAnswer {
        public Pending {
            if (raw == null || cause == null) {
                throw new IllegalArgumentException("a pending answer needs the raw code and its cause");
            }
        }
    }
}
