package io.shoudan.fee;

/** The result of pricing a payment: a quote, or why there is none (a gap in the acquirer's rate cards). */
public sealed interface Pricing {

    record Priced(FeeQuote quote) implements Pricing {
        public Priced {
            if (quote == null) {
                throw new IllegalArgumentException("a priced result needs its quote");
            }
        }
    }

    /** @param missing what the rate cards lack, in words, for the evidence of the refusal */
    record Unpriced(String missing) implements Pricing {
        public Unpriced {
            if (missing == null || missing.isBlank()) {
                throw new IllegalArgumentException("say what is missing");
            }
        }
    }
}
