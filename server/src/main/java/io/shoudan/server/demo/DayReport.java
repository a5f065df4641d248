package io.shoudan.server.demo;

import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentState;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What a simulated trading day did, gathered as it runs: volumes, refusals, fees, adjustments. */
public final class DayReport {

    /** Count and amount of one cell of the volume table. */
    public static final class Tally {
        private int count;
        private Money amount = Money.ZERO;

        void add(Money more) {
            count++;
            amount = amount.plus(more);
        }

        public int count() {
            return count;
        }

        public Money amount() {
            return amount;
        }
    }

    private final Map<PaymentMethod, Map<PaymentState, Tally>> volume = new EnumMap<>(PaymentMethod.class);
    private final Map<ReasonCode, Integer> refusals = new EnumMap<>(ReasonCode.class);
    private final Map<PaymentMethod, Money> fees = new EnumMap<>(PaymentMethod.class);
    private final List<Payment> refused = new ArrayList<>();
    private int voids;
    private int voidsRefused;
    private int refunds;
    private int refundsRefused;
    private Money refundedAmount = Money.ZERO;
    private int cashierMistakes;
    private int sales;

    /** One sale in its final state. */
    void sale(Payment payment) {
        sales++;
        volume.computeIfAbsent(payment.request().method(), m -> new EnumMap<>(PaymentState.class))
                .computeIfAbsent(payment.state(), s -> new Tally()).add(payment.request().amount());
        List<Reason> why = switch (payment.state()) {
            case DECLINED -> payment.verdict().stream().filter(Reason::blocking).toList();
            case FAILED, REVERSED -> payment.failure() == null ? List.of() : List.of(new Reason(payment.failure().reason(), null));
            default -> List.of();
        };
        for (Reason reason : why) {
            refusals.merge(reason.code(), 1, Integer::sum);
        }
        if (!why.isEmpty()) {
            refused.add(payment);
        }
    }

    /** Called once per payment at the end of the day, when its fee is final. */
    void fee(Payment payment) {
        payment.fixedFee().ifPresent(quote -> fees.merge(payment.request().method(), payment.netFee(), Money::plus));
    }

    void voided(boolean accepted) {
        voids++;
        voidsRefused += accepted ? 0 : 1;
    }

    void refunded(boolean accepted, Money amount) {
        refunds++;
        refundsRefused += accepted ? 0 : 1;
        if (accepted) {
            refundedAmount = refundedAmount.plus(amount);
        }
    }

    void cashierMistake() {
        cashierMistakes++;
    }

    public int sales() {
        return sales;
    }

    public Map<PaymentMethod, Map<PaymentState, Tally>> volume() {
        return volume;
    }

    /** Refusal reasons, most frequent first. */
    public List<Map.Entry<ReasonCode, Integer>> topRefusals() {
        return refusals.entrySet().stream()
                .sorted(Map.Entry.<ReasonCode, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    public Map<PaymentMethod, Money> fees() {
        return fees;
    }

    public List<Payment> refused() {
        return refused;
    }

    public int voids() {
        return voids;
    }

    public int voidsRefused() {
        return voidsRefused;
    }

    public int refunds() {
        return refunds;
    }

    public int refundsRefused() {
        return refundsRefused;
    }

    public Money refundedAmount() {
        return refundedAmount;
    }

    public int cashierMistakes() {
        return cashierMistakes;
    }
}
