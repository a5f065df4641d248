package io.shoudan.server.terminal8583.store;

import io.shoudan.merchant.MerchantId;
import io.shoudan.server.terminal8583.BatchJournal;
import io.shoudan.store.terminal8583.BatchEntry;
import io.shoudan.store.terminal8583.BatchJournalRepository;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TraceNo;

import java.util.List;

/** {@link BatchJournal} over the store's {@code batch_journal} table (insert-if-absent on terminal, batch, trace). */
public final class StoreBatchJournal implements BatchJournal {
    private final BatchJournalRepository repository;

    public StoreBatchJournal(BatchJournalRepository repository) {
        this.repository = repository;
    }

    @Override
    public void record(Entry entry) {
        repository.record(new BatchEntry(entry.terminal(), entry.batch().value(), entry.trace().value(),
                BatchEntry.Kind.valueOf(entry.kind().name()), entry.amount(), entry.request()));
    }

    @Override
    public List<Entry> entries(TerminalSn terminal, BatchNo batch) {
        return repository.entries(terminal, batch.value()).stream().map(StoreBatchJournal::entryOf).toList();
    }

    @Override
    public List<Sum> sums(TerminalSn terminal, MerchantId merchant, BatchNo batch) {
        return repository.sums(terminal, merchant, batch.value()).stream()
                .map(s -> new Sum(Kind.valueOf(s.kind().name()), s.saleState(), s.count(), s.amount()))
                .toList();
    }

    @Override
    public List<Line> lines(TerminalSn terminal, MerchantId merchant, BatchNo batch) {
        return repository.lines(terminal, merchant, batch.value()).stream()
                .map(l -> new Line(entryOf(l.entry()), l.sale(), l.saleState(), l.settled()))
                .toList();
    }

    private static Entry entryOf(BatchEntry e) {
        return new Entry(e.terminal(), new BatchNo(e.batchNo()), new TraceNo(e.traceNo()), Kind.valueOf(e.kind().name()),
                e.amount(), e.request());
    }
}
