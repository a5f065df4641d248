package io.shoudan.payment;

import io.shoudan.money.Money;
import io.shoudan.reason.Evidence;
import io.shoudan.reason.ReasonFacts;
import io.shoudan.reason.ReasonCode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Why the payment service refuses a void, refund or reversal, or a request it cannot take: one record per reason
 * code with the facts its texts name. The evidence keys are the public ones the JSON has always carried, including
 * the English {@code problem} line that told these refusals apart before each had its own code (readers of the JSON
 * may still match on it); the texts do not show it.
 */
public sealed interface PaymentRefusal extends ReasonFacts {

    /** A void or refund names a sale this merchant never made. */
    record OriginalNotFound(RequestId original) implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.OPERATION_ORIGINAL_NOT_FOUND;
        }

        public Evidence evidence() {
            return Evidence.of("original", original, "problem", "no such sale");
        }
    }

    /** Only an untouched successful payment can be voided: not one in {@code state}, nor one partly refunded. */
    record NotVoidable(RequestId original, PaymentState state) implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.OPERATION_NOT_VOIDABLE;
        }

        public Evidence evidence() {
            return Evidence.of("original", original, "state", state, "problem", "only an untouched successful payment can be voided");
        }
    }

    /** A settled payment is refunded, not voided. */
    record VoidAfterSettlement(RequestId original, Instant settledAt) implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.OPERATION_VOID_AFTER_SETTLEMENT;
        }

        public Evidence evidence() {
            return Evidence.of("original", original, "settledAt", settledAt, "problem", "settled payments are refunded, not voided");
        }
    }

    /** A void is only possible on the (China time) day of the payment. */
    record VoidAfterPaymentDay(RequestId original, LocalDate paidOn, LocalDate today) implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.OPERATION_VOID_AFTER_PAYMENT_DAY;
        }

        public Evidence evidence() {
            return Evidence.of("original", original, "paidOn", paidOn, "today", today,
                    "problem", "a void is only possible on the day of the payment");
        }
    }

    /** Only a successful (or partly refunded) payment can be refunded. */
    record NotRefundable(RequestId original, PaymentState state) implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.OPERATION_NOT_REFUNDABLE;
        }

        public Evidence evidence() {
            return Evidence.of("original", original, "state", state, "problem", "only a successful payment can be refunded");
        }
    }

    /** A refund above what is left of the payment. */
    record RefundAboveRemaining(RequestId original, Money requested, Money refundable) implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.OPERATION_REFUND_ABOVE_REMAINING;
        }

        public Evidence evidence() {
            return Evidence.of("original", original, "requested", requested, "refundable", refundable,
                    "problem", "the refund is above what is left of the payment");
        }
    }

    /** A reversal whose original is another kind of request: a sale's reversal naming a void, or the other way round. */
    record WrongTransactionType(RequestId original, Operation operation) implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE;
        }

        public Evidence evidence() {
            return Evidence.of("original", original, "operation", operation, "problem", operation == Operation.SALE
                    ? "the request reversed is a sale, not a void or refund" : "the request reversed is not a sale");
        }
    }

    /** A reversal of a void or refund that gave the money back: it stands. */
    record AdjustmentNotReversible(RequestId original, Operation operation, PaymentId payment, PaymentState state)
            implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.OPERATION_ADJUSTMENT_NOT_REVERSIBLE;
        }

        public Evidence evidence() {
            return Evidence.of("original", original, "operation", operation, "payment", payment, "state", state,
                    "problem", "the money went back to the consumer and cannot be taken again: the " + operation + " stands");
        }
    }

    /** A reversal of a sale that keeps the money: it could not be voided (partly refunded, say). */
    record SaleNotReversible(PaymentId payment, PaymentState state) implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.OPERATION_SALE_NOT_REVERSIBLE;
        }

        public Evidence evidence() {
            return Evidence.of("payment", payment, "state", state, "operation", Operation.REVERSAL,
                    "detail", "the sale could not be voided");
        }
    }

    /** A void or refund that arrives after the terminal reversed it: it must not give anything back now. */
    record ReversedBeforeArrival(RequestId request) implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.OPERATION_TRADE_CLOSED;
        }

        public Evidence evidence() {
            return Evidence.of("request", request, "problem", "reversed before it arrived");
        }
    }

    /** The sale's channel has no gateway on this node: nothing can carry the payment. */
    record NoGateway(io.shoudan.method.Channel channel) implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.INTEGRATION_CHANNEL_NOT_CONNECTED;
        }

        public Evidence evidence() {
            return Evidence.of("channel", channel, "missing", "no channel gateway is configured");
        }
    }

    /** The sale names a terminal this merchant has no snapshot for (not bound to it, or unknown). */
    record TerminalNotOfMerchant(io.shoudan.terminal.TerminalSn terminal, io.shoudan.merchant.MerchantId merchant)
            implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.TERMINAL_UNBOUND;
        }

        public Evidence evidence() {
            return Evidence.of("terminal", terminal, "merchant", merchant);
        }
    }

    /** No rate card prices the method for this merchant: {@code missing} says which (for operators, not shown in texts). */
    record Unpriced(io.shoudan.method.PaymentMethod method, String missing) implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.INTEGRATION_METHOD_NOT_OFFERED;
        }

        public Evidence evidence() {
            return Evidence.of("method", method, "missing", missing);
        }
    }

    /** An amount of zero or less. */
    record InvalidAmount(Money amount) implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.OPERATION_INVALID_AMOUNT;
        }

        public Evidence evidence() {
            return Evidence.of("amount", amount);
        }
    }

    /** A request id used again with a different {@code field}. */
    record DuplicateRequest(RequestId requestId, String field) implements PaymentRefusal {
        public ReasonCode code() {
            return ReasonCode.OPERATION_DUPLICATE_REQUEST;
        }

        public Evidence evidence() {
            return Evidence.of("request", requestId, "field", field);
        }
    }
}
