package io.shoudan.channels;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shoudan.method.Channel;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Counts channel codes that no mapping table knows ({@code shoudan.channel.unmapped_code{channel,code}}).
 * An unmapped code still gets a safe answer from its table's default; the counter is how operations
 * learn that a table needs a new row. The code tag is cleaned to a short printable token so that a
 * channel sending garbage cannot blow up the metric's cardinality with arbitrary text.
 */
public final class UnmappedCodes {

    public static final String METRIC = "shoudan.channel.unmapped_code";

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.=\\-/]{1,64}");

    private final MeterRegistry registry;

    public UnmappedCodes(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public void count(Channel channel, String rawCode) {
        Objects.requireNonNull(channel, "channel");
        String tag = rawCode != null && TAG.matcher(rawCode).matches() ? rawCode : "MALFORMED";
        Counter.builder(METRIC)
                .description("channel answer codes with no row in the mapping tables")
                .tag("channel", channel.name())
                .tag("code", tag)
                .register(registry)
                .increment();
    }

    /** How often {@code rawCode} of {@code channel} was met unmapped; 0 when never. */
    public double counted(Channel channel, String rawCode) {
        Counter counter = registry.find(METRIC).tag("channel", channel.name()).tag("code", rawCode).counter();
        return counter == null ? 0 : counter.count();
    }
}
