package io.shoudan.payment;

import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.Usage;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

/**
 * A merchant's usage per method for the eligibility snapshot, from its payment records: today
 * (Beijing business day) and this calendar month, of the payments whose state
 * {@link PaymentState#countsAsUsage counts}. The store module keeps the same totals in a table written
 * in each payment's own transaction; this is the in-memory form.
 */
public final class PaymentUsage {

    private PaymentUsage() {
    }

    public static Map<PaymentMethod, Usage> of(Iterable<Payment> payments, MerchantId merchant, LocalDate today) {
        YearMonth month = YearMonth.from(today);
        Map<PaymentMethod, long[]> fen = new EnumMap<>(PaymentMethod.class);
        for (Payment payment : payments) {
            if (!payment.merchant().equals(merchant) || !payment.state().countsAsUsage()) {
                continue;
            }
            LocalDate day = payment.createdAt().atZone(PaymentService.BUSINESS_ZONE).toLocalDate();
            if (!YearMonth.from(day).equals(month) || day.isAfter(today)) {
                continue;
            }
            long[] totals = fen.computeIfAbsent(payment.request().method(), method -> new long[2]);
            long amountFen = payment.amount().fen();
            totals[1] = Math.addExact(totals[1], amountFen);
            if (day.equals(today)) {
                totals[0] = Math.addExact(totals[0], amountFen);
            }
        }
        Map<PaymentMethod, Usage> usage = new EnumMap<>(PaymentMethod.class);
        fen.forEach((method, totals) -> usage.put(method, new Usage(Money.ofFen(totals[0]), Money.ofFen(totals[1]))));
        return usage;
    }
}
