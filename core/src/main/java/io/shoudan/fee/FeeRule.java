package io.shoudan.fee;

import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;

import java.math.RoundingMode;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a rate card prices one payment. Each kind fits certain methods (see {@link #fits}); the rates
 * are the acquirer's merchant rates, not the interchange beneath them.
 */
public sealed interface FeeRule {

    /**
     * How every fee is rounded to the fen, when a rate card prices a payment and when a refund gives
     * part of the fee back ({@link FeeReturns}): half-up, a remainder of exactly half a fen rounding up.
     */
    RoundingMode ROUNDING = RoundingMode.HALF_UP;

    boolean fits(PaymentMethod method);

    /** Debit card: a percentage with a cap, e.g. 0.50% capped at 20 CNY. */
    record Debit(Rate rate, Money cap) implements FeeRule {
        public Debit {
            if (rate == null || cap == null || cap.isNegative()) {
                throw new IllegalArgumentException("a debit rule needs a rate and a non-negative cap");
            }
        }

        @Override
        public boolean fits(PaymentMethod method) {
            return method == PaymentMethod.UNIONPAY_DEBIT;
        }
    }

    /** Credit card: a percentage without a cap, e.g. 0.60%. */
    record Credit(Rate rate) implements FeeRule {
        public Credit {
            if (rate == null) {
                throw new IllegalArgumentException("a credit rule needs a rate");
            }
        }

        @Override
        public boolean fits(PaymentMethod method) {
            return method == PaymentMethod.UNIONPAY_CREDIT;
        }
    }

    /** Scanned consumer codes (Alipay, WeChat Pay, UnionPay QR): a percentage, e.g. 0.38%. */
    record Scan(Rate rate) implements FeeRule {
        public Scan {
            if (rate == null) {
                throw new IllegalArgumentException("a scan rule needs a rate");
            }
        }

        @Override
        public boolean fits(PaymentMethod method) {
            return method == PaymentMethod.ALIPAY || method == PaymentMethod.WECHAT_PAY
                    || method == PaymentMethod.UNIONPAY_QR;
        }
    }

    /**
     * Huabei: the merchant rate on every payment, plus, for installments, Huabei's installment fee
     * for the count, which the buyer or the merchant bears ({@link InstallmentFeeBearer}).
     *
     * @param installmentRates installment count → Huabei's fee rate for that count
     */
    record Huabei(Rate merchantRate, Map<Integer, Rate> installmentRates) implements FeeRule {
        public Huabei {
            if (merchantRate == null) {
                throw new IllegalArgumentException("a Huabei rule needs a merchant rate");
            }
            installmentRates = Collections.unmodifiableMap(new TreeMap<>(installmentRates == null ? Map.of() : installmentRates));
            for (Map.Entry<Integer, Rate> entry : installmentRates.entrySet()) {
                if (entry.getKey() <= 0 || entry.getValue() == null) {
                    throw new IllegalArgumentException("installment rates need a positive count and a rate, got " + entry);
                }
            }
        }

        /**
         * The schedule assumed here until a signed contract says otherwise: 3 → 2.30%, 6 → 4.50%,
         * 12 → 7.50%. CHANNELS.md marks Huabei's rates unverified; these are the figures commonly
         * published for buyer-paid Huabei installments, not numbers from an Alipay contract.
         */
        public static Map<Integer, Rate> assumedInstallmentRates() {
            return Map.of(3, Rate.percent("2.3"), 6, Rate.percent("4.5"), 12, Rate.percent("7.5"));
        }

        @Override
        public boolean fits(PaymentMethod method) {
            return method == PaymentMethod.HUABEI;
        }
    }
}
