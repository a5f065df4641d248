package io.shoudan.sandbox.http.admin;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The admin API's refusals as their reader takes them: the field and what is wrong with it, in English and Chinese,
 * never Jackson's class names and source excerpts, a record's {@code Name[field=value]} or a Duration's {@code PT-0.005S}.
 */
final class AdminErrors {

    /** One refusal in both languages. */
    record Message(String en, String zh) {
    }

    private static final Pattern DURATION = Pattern.compile("\\bP(?:T[-0-9.HMS]+|[-0-9]+D(?:T[-0-9.HMS]+)?)\\b");
    /** {@code SourceRef[value=card-1]}: a record's toString, reduced to its values. */
    private static final Pattern RECORD = Pattern.compile("\\b[A-Z][A-Za-z0-9]*\\[((?:[a-z][A-Za-z0-9]*=[^,\\]]*(?:, )?)+)]");

    private AdminErrors() {
    }

    /** A body Jackson could not read, named by its field (or its line and column when it is not JSON at all). */
    static Message ofJson(JsonProcessingException failure) {
        if (failure instanceof UnrecognizedPropertyException unknown) {
            String allowed = unknown.getKnownPropertyIds() == null ? ""
                    : unknown.getKnownPropertyIds().stream().map(Objects::toString).collect(Collectors.toCollection(TreeSet::new)).toString();
            return new Message("unknown field \"" + path(unknown) + "\"" + (allowed.isEmpty() ? "" : " (allowed: " + allowed + ")"),
                    "未知字段 \"" + path(unknown) + "\"" + (allowed.isEmpty() ? "" : "（可用：" + allowed + "）"));
        }
        if (failure instanceof MismatchedInputException mismatched) {
            String field = path(mismatched);
            return field.isEmpty()
                    ? new Message("the body must be a JSON object", "请求体必须是 JSON 对象")
                    : new Message(field + " has the wrong type (see docs/SANDBOX.md for the body)", field + " 的类型不对（请求体格式见 docs/SANDBOX.md）");
        }
        JsonLocation at = failure.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String whereZh = at == null || at.getLineNr() < 1 ? "" : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）";
        return new Message("the body is not valid JSON" + where, "请求体不是有效的 JSON" + whereZh);
    }

    /** A registry's English refusal without Java's renderings of records and durations. */
    static String plain(String message) {
        if (message == null) {
            return "refused";
        }
        Matcher record = RECORD.matcher(message);
        StringBuilder out = new StringBuilder();
        while (record.find()) {
            String values = Pattern.compile("[a-z][A-Za-z0-9]*=").matcher(record.group(1)).replaceAll("");
            record.appendReplacement(out, Matcher.quoteReplacement(values));
        }
        record.appendTail(out);
        Matcher duration = DURATION.matcher(out.toString());
        StringBuilder plain = new StringBuilder();
        while (duration.find()) {
            duration.appendReplacement(plain, Matcher.quoteReplacement(millis(duration.group())));
        }
        return duration.appendTail(plain).toString();
    }

    private static String millis(String iso) {
        try {
            return Duration.parse(iso).toMillis() + " ms";
        } catch (DateTimeParseException notADuration) {
            return iso;
        }
    }

    private static String path(JsonMappingException failure) {
        return failure.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
