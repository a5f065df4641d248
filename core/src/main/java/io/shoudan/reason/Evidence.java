package io.shoudan.reason;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The facts that made a reason hold, in a fixed order: names to text or to lists of text
 * (e.g. {@code required=3.2.0, actual=3.1.4}). The message templates name these keys.
 */
public final class Evidence {

    public static final Evidence NONE = new Evidence(new String[0], new Object[0]);

    /** Where the people who read a reason's times live: China time (UTC+8, no daylight saving). */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final String[] keys;
    private final Object[] values;

    private Evidence(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** Pairs of key and value; values are rendered with {@link String#valueOf} unless they are lists. */
    public static Evidence of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("evidence needs key/value pairs");
        }
        int n = keysAndValues.length / 2;
        String[] keys = new String[n];
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (String) keysAndValues[2 * i];
            values[i] = keysAndValues[2 * i + 1];
        }
        return new Evidence(keys, values);
    }

    /**
     * The value as text, or a list of texts. Values are kept as given and rendered when read: a
     * live payment's verdict is stored and acted on without anyone formatting its timestamps.
     */
    private static Object render(Object value) {
        if (value instanceof java.util.Collection<?> list) {
            List<String> texts = new ArrayList<>(list.size());
            for (Object item : list) {
                texts.add(String.valueOf(item));
            }
            return Collections.unmodifiableList(texts);
        }
        if (value instanceof OffsetDateTime time) {
            // Always with seconds, so machines and people read one form; in China time, as merchants and
            // terminals read it (the same instant, so JSON still carries an exact instant).
            return time.atZoneSameInstant(CHINA).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return String.valueOf(value);
    }

    /** This evidence followed by {@code more}'s entries whose keys are not here yet. */
    public Evidence and(Evidence more) {
        List<String> k = new ArrayList<>(List.of(keys));
        List<Object> v = new ArrayList<>(List.of(values));
        for (int i = 0; i < more.keys.length; i++) {
            if (!k.contains(more.keys[i])) {
                k.add(more.keys[i]);
                v.add(more.values[i]);
            }
        }
        return new Evidence(k.toArray(String[]::new), v.toArray());
    }

    /** The value for {@code key}: a {@code String}, a {@code List<String>}, or {@code null}. */
    public Object get(String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return render(values[i]);
            }
        }
        return null;
    }

    public String text(String key) {
        Object value = get(key);
        return value instanceof String s ? s : null;
    }

    public int size() {
        return keys.length;
    }

    public String key(int index) {
        return keys[index];
    }

    /** The value at {@code index}: a {@code String} or a {@code List<String>}. */
    public Object value(int index) {
        return render(values[index]);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], render(values[i]));
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evidence other && asMap().equals(other.asMap());
    }

    @Override
    public int hashCode() {
        return Objects.hash(asMap());
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
