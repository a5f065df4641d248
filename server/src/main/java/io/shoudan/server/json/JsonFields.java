package io.shoudan.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoudan.money.Money;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A strict reader over one JSON object: every field it hands out is checked for type and form, and
 * any field the caller did not declare is an error. Every error names the field's full path.
 */
public final class JsonFields {

    private final ObjectNode node;
    private final String path;

    private JsonFields(ObjectNode node, String path, Set<String> allowed) {
        this.node = node;
        this.path = path;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInputException(child(name), "unknown field (allowed here: " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** Reads {@code node} as an object that may hold only {@code allowed} fields. */
    public static JsonFields of(JsonNode node, String path, String... allowed) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(path, "must be a JSON object, got " + describe(node));
        }
        return new JsonFields((ObjectNode) node, path, Set.copyOf(Arrays.asList(allowed)));
    }

    public String path() {
        return path;
    }

    public String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public JsonNode node(String name) {
        return node.get(name);
    }

    public String string(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw new InvalidInputException(child(name), "must be a string, got " + describe(value));
        }
        return value.textValue();
    }

    public String optionalString(String name) {
        return has(name) ? string(name) : null;
    }

    public boolean bool(String name) {
        JsonNode value = required(name);
        if (!value.isBoolean()) {
            throw new InvalidInputException(child(name), "must be true or false, got " + describe(value));
        }
        return value.booleanValue();
    }

    public boolean optionalBool(String name, boolean otherwise) {
        return has(name) ? bool(name) : otherwise;
    }

    public int integer(String name, int min, int max) {
        JsonNode value = required(name);
        return integerValue(value, child(name), min, max);
    }

    public Integer optionalInteger(String name, int min, int max) {
        return has(name) ? integer(name, min, max) : null;
    }

    public Long optionalLong(String name, long min, long max) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            throw new InvalidInputException(child(name), "must be a whole number from " + min + " to " + max + ", got " + describe(value));
        }
        return value.longValue();
    }

    public Money money(String name) {
        return moneyValue(required(name), child(name));
    }

    public Money optionalMoney(String name) {
        return has(name) ? money(name) : null;
    }

    public OffsetDateTime time(String name) {
        String text = string(name);
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(child(name), "\"" + text + "\" is not an ISO-8601 time with offset (e.g. \"2026-11-23T14:05:00+08:00\")");
        }
    }

    public OffsetDateTime optionalTime(String name) {
        return has(name) ? time(name) : null;
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        return enumOf(required(name), child(name), type);
    }

    public <E extends Enum<E>> E optionalEnum(String name, Class<E> type) {
        return has(name) ? enumValue(name, type) : null;
    }

    /** A domain value parsed from a string; the parser's complaint becomes the error text. */
    public <T> T parsed(String name, Function<String, T> parser) {
        return parse(string(name), child(name), parser);
    }

    public <T> T optionalParsed(String name, Function<String, T> parser) {
        return has(name) ? parsed(name, parser) : null;
    }

    /** A list whose items are read by {@code item(node, path)}; {@code null} when absent or null. */
    public <T> List<T> optionalList(String name, ItemReader<T> item) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (!value.isArray()) {
            throw new InvalidInputException(child(name), "must be a JSON array, got " + describe(value));
        }
        List<T> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            items.add(item.read(value.get(i), child(name) + "[" + i + "]"));
        }
        return items;
    }

    /** An object used as a map: each key read by {@code key}, each value by {@code item}. */
    public <K, V> Map<K, V> optionalMap(String name, Function<String, K> key, ItemReader<V> item) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (!value.isObject()) {
            throw new InvalidInputException(child(name), "must be a JSON object, got " + describe(value));
        }
        Map<K, V> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String entryPath = child(name) + "." + field.getKey();
            K k = parse(field.getKey(), entryPath, key);
            map.put(k, item.read(field.getValue(), entryPath));
        }
        return map;
    }

    private JsonNode required(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidInputException(child(name), "is required");
        }
        return value;
    }

    // --- item readers, usable for list and map values --------------------------------------

    /** Reads one list item or map value at {@code path}. */
    @FunctionalInterface
    public interface ItemReader<T> {
        T read(JsonNode node, String path);
    }

    public static <E extends Enum<E>> ItemReader<E> enumItems(Class<E> type) {
        return (node, path) -> enumOf(node, path, type);
    }

    public static <T> ItemReader<T> stringItems(Function<String, T> parser) {
        return (node, path) -> {
            if (node == null || !node.isTextual()) {
                throw new InvalidInputException(path, "must be a string, got " + describe(node));
            }
            return parse(node.textValue(), path, parser);
        };
    }

    public static ItemReader<Integer> integerItems(int min, int max) {
        return (node, path) -> integerValue(node, path, min, max);
    }

    public static ItemReader<Money> moneyItems() {
        return JsonFields::moneyValue;
    }

    /** Turns an enum key of a JSON object into its constant, naming the allowed values otherwise. */
    public static <E extends Enum<E>> Function<String, E> enumKey(Class<E> type) {
        return text -> {
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not one of " + allowed(type));
            }
        };
    }

    private static <E extends Enum<E>> E enumOf(JsonNode node, String path, Class<E> type) {
        if (node == null || !node.isTextual()) {
            throw new InvalidInputException(path, "must be one of " + allowed(type) + ", got " + describe(node));
        }
        try {
            return Enum.valueOf(type, node.textValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(path, "\"" + node.textValue() + "\" is not one of " + allowed(type));
        }
    }

    /** The names an enum's values are written with, in declaration order: "A, B, C". */
    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.toString(type.getEnumConstants()).replace("[", "").replace("]", "");
    }

    private static int integerValue(JsonNode node, String path, int min, int max) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw new InvalidInputException(path, "must be a whole number from " + min + " to " + max + ", got " + describe(node));
        }
        return node.intValue();
    }

    private static Money moneyValue(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            throw new InvalidInputException(path, "must be a decimal string in CNY such as \"1288.00\", got " + describe(node));
        }
        return parse(node.textValue(), path, Money::parse);
    }

    private static <T> T parse(String text, String path, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(path, e.getMessage());
        }
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        String text = node.toString();
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + shown;
    }
}
