package io.shoudan.server.terminal8583.memory;

import io.shoudan.merchant.MerchantId;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RequestId;
import io.shoudan.server.terminal8583.BatchJournal;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TraceNo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** {@link BatchJournal} in memory; a sale's payment is found through {@code sales} (the payment service's query). */
public final class InMemoryBatchJournal implements BatchJournal {
    /** The payment a merchant's sale request created, if any. */
    @FunctionalInterface
    public interface Sales {
        Optional<Payment> query(MerchantId merchant, RequestId request);
    }

    private record Key(TerminalSn terminal, BatchNo batch, TraceNo trace) {
    }

    private record Group(Kind kind, PaymentState saleState) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Sales sales;

    public InMemoryBatchJournal(Sales sales) {
        this.sales = sales;
    }

    @Override
    public void record(Entry entry) {
        entries.putIfAbsent(new Key(entry.terminal(), entry.batch(), entry.trace()), entry);
    }

    @Override
    public List<Entry> entries(TerminalSn terminal, BatchNo batch) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.terminal().equals(terminal) && e.batch().equals(batch)) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparingInt(e -> e.trace().value()));
        return out;
    }

    @Override
    public List<Sum> sums(TerminalSn terminal, MerchantId merchant, BatchNo batch) {
        Map<Group, Sum> sums = new TreeMap<>(Comparator.comparing(Group::kind)
                .thenComparing(Group::saleState, Comparator.nullsLast(Comparator.comparing(PaymentState::name))));
        for (Line line : lines(terminal, merchant, batch)) {
            Group group = new Group(line.entry().kind(), line.saleState());
            sums.merge(group, new Sum(group.kind(), group.saleState(), 1, line.entry().amount()),
                    (a, b) -> new Sum(a.kind(), a.saleState(), a.count() + b.count(), a.amount().plus(b.amount())));
        }
        return List.copyOf(sums.values());
    }

    @Override
    public List<Line> lines(TerminalSn terminal, MerchantId merchant, BatchNo batch) {
        return entries(terminal, batch).stream().map(e -> {
            Optional<Payment> sale = e.kind() == Kind.SALE ? sales.query(merchant, e.request()) : Optional.empty();
            return sale.map(p -> new Line(e, p.id(), p.state(), p.settledAt() != null)).orElseGet(() -> new Line(e, null, null, false));
        }).toList();
    }
}
