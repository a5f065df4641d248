package io.shoudan.channels.mapping;

import io.shoudan.method.Channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A channel's codes as data: raw code → row, in documentation order. Lookups never guess; unknown codes are the caller's default. */
public final class CodeTable {

    private final Channel channel;
    private final String field;
    private final Map<String, CodeRow> rows;

    CodeTable(Channel channel, String field, List<CodeRow> rows) {
        this.channel = channel;
        this.field = field;
        Map<String, CodeRow> byCode = new LinkedHashMap<>();
        for (CodeRow row : rows) {
            if (byCode.put(row.rawCode(), row) != null) {
                throw new IllegalArgumentException(field + " " + row.rawCode() + " appears twice in the " + channel + " table");
            }
        }
        this.rows = java.util.Collections.unmodifiableMap(byCode);
    }

    public Channel channel() {
        return channel;
    }

    /** The wire field the codes come from: {@code sub_code}, {@code err_code}, {@code field 39}. */
    public String field() {
        return field;
    }

    public Optional<CodeRow> find(String rawCode) {
        return Optional.ofNullable(rawCode == null ? null : rows.get(rawCode));
    }

    public List<CodeRow> rows() {
        return List.copyOf(rows.values());
    }
}
