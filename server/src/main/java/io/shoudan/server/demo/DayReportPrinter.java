package io.shoudan.server.demo;

import io.shoudan.ledger.LedgerReport;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentState;
import io.shoudan.reason.Category;
import io.shoudan.reason.Lang;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.reason.ReasonTexts;
import io.shoudan.server.explain.PaymentExplanation;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Prints a trading day's report: volumes, refusals with their actors, worked diagnoses, fees, the ledger check. */
public final class DayReportPrinter {

    private static final List<PaymentState> COLUMNS = List.of(PaymentState.SUCCEEDED, PaymentState.PARTIALLY_REFUNDED,
            PaymentState.REFUNDED, PaymentState.VOIDED, PaymentState.DECLINED, PaymentState.FAILED, PaymentState.REVERSED,
            PaymentState.UNKNOWN);

    public void print(PrintWriter out, DayReport day, LedgerReport ledger, SampleWorld world) {
        out.println();
        out.println("== Volume by method and outcome / 各支付方式交易量与结果 (count · amount CNY) ==");
        StringBuilder header = new StringBuilder(String.format("%-16s", "method"));
        for (PaymentState state : COLUMNS) {
            header.append(String.format(" %20s", state));
        }
        out.println(header);
        for (PaymentMethod method : PaymentMethod.all()) {
            Map<PaymentState, DayReport.Tally> row = day.volume().get(method);
            if (row == null) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format("%-16s", method));
            for (PaymentState state : COLUMNS) {
                DayReport.Tally tally = row.get(state);
                line.append(String.format(" %20s", tally == null ? "-" : tally.count() + " · " + tally.amount()));
            }
            out.println(line);
        }
        out.printf("sales %d, voids %d (%d refused), refunds %d (%d refused, %s CNY back), cashier mistakes %d%n",
                day.sales(), day.voids(), day.voidsRefused(), day.refunds(), day.refundsRefused(), day.refundedAmount(),
                day.cashierMistakes());

        out.println();
        out.println("== Top refusal reasons / 主要拒绝原因 ==");
        out.printf("%6s  %-40s %-9s %s%n", "count", "reason", "actor", "title / 说明");
        for (Map.Entry<ReasonCode, Integer> entry : day.topRefusals()) {
            ReasonCode code = entry.getKey();
            out.printf("%6d  %-40s %-9s %s / %s%n", entry.getValue(), code.code(), code.actor(),
                    ReasonTexts.title(code, Lang.EN), ReasonTexts.title(code, Lang.ZH));
        }

        out.println();
        out.println("== Three worked diagnoses / 三个诊断实例 ==");
        for (Payment payment : worked(day.refused())) {
            PaymentExplanation explanation = PaymentExplanation.of(payment);
            out.println("-- " + world.shopName(payment.merchant()) + " --");
            out.println(explanation.text(Lang.ZH));
            out.println(explanation.text(Lang.EN));
        }

        out.println("== Fees charged / 手续费 (net of fees returned with refunds and voids) ==");
        Money total = Money.ZERO;
        for (Map.Entry<PaymentMethod, Money> fee : day.fees().entrySet()) {
            out.printf("%-16s %12s CNY%n", fee.getKey(), fee.getValue());
            total = total.plus(fee.getValue());
        }
        out.printf("%-16s %12s CNY%n", "total", total);

        out.println();
        out.println("== Ledger check / 账务检查 ==");
        ledger.lines().forEach(out::println);
        out.println(ledger.passed() ? "ledger check: OK / 账务检查通过" : "ledger check: FAILED / 账务检查未通过");
    }

    /**
     * Where the day is kept and the commands that read it again, ready to paste: the first worked diagnosis asked
     * again (its stored verdict, then the live question at the moment of the sale, in China time) and the ledger check.
     */
    public void printReadingAgain(PrintWriter out, DemoStore store, DayReport day) {
        out.println();
        out.println("== This day's store / 本次数据库 ==");
        out.println("store 存储: " + store.location());
        out.println("read it again 再次查看:");
        List<Payment> worked = worked(day.refused());
        if (!worked.isEmpty()) {
            Payment example = worked.getFirst();
            out.println("  ./shoudan diagnose --payment " + example.id().value() + " " + store.dbOption() + " --format text --lang en");
            out.println("  ./shoudan diagnose --terminal " + example.request().terminal().value()
                    + " --method " + example.request().method().name() + " --amount " + example.amount()
                    + " --at " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            example.createdAt().atZone(PaymentService.BUSINESS_ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)) + " " + store.dbOption() + " --format text --lang en");
        }
        out.println("  ./shoudan ledger check " + store.dbOption());
        out.flush();
    }

    /** Three refused payments from different kinds of cause, declined ones (full verdicts) first. */
    private static List<Payment> worked(List<Payment> refused) {
        List<Payment> chosen = new ArrayList<>();
        Set<Category> seen = EnumSet.noneOf(Category.class);
        for (boolean declinedOnly : new boolean[] {true, false}) {
            for (Payment payment : refused) {
                if (chosen.size() == 3) {
                    return chosen;
                }
                if (declinedOnly && payment.state() != PaymentState.DECLINED) {
                    continue;
                }
                List<Reason> reasons = PaymentExplanation.of(payment).reasons();
                Category category = reasons.isEmpty() ? null : reasons.getFirst().code().category();
                if (category != null && seen.add(category) && !chosen.contains(payment)) {
                    chosen.add(payment);
                }
            }
        }
        return chosen;
    }
}
