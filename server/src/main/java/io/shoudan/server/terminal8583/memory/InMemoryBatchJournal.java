package io.shoudan.server.terminal8583.memory;

import io.shoudan.server.terminal8583.BatchJournal;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TraceNo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link BatchJournal} in memory. */
public final class InMemoryBatchJournal implements BatchJournal {
    private record Key(TerminalSn terminal, BatchNo batch, TraceNo trace) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

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
}
