package io.shoudan.store.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.Transition;
import io.shoudan.reason.Evidence;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON text of a payment's stored verdict and history. Reasons keep their catalogue code (by enum
 * name, read back with {@code valueOf}, so an unknown code fails loudly) and their evidence in order,
 * each value text or a list of text; transitions keep their instant to the nanosecond.
 *
 * <pre>
 * verdict: [{"code":"MERCHANT_RISK_FROZEN","evidence":[["status","FROZEN"],["methods",["ALIPAY","HUABEI"]]]}]
 * history: [{"from":"CREATED","to":"PROCESSING","at":"2026-11-23T02:00:00Z","raw":null}]
 * </pre>
 */
final class PaymentJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PaymentJson() {
    }

    static String verdict(List<Reason> reasons) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Reason reason : reasons) {
            ObjectNode node = array.addObject();
            node.put("code", reason.code().name());
            ArrayNode evidence = node.putArray("evidence");
            Evidence facts = reason.evidence();
            for (int i = 0; i < facts.size(); i++) {
                ArrayNode pair = evidence.addArray();
                pair.add(facts.key(i));
                if (facts.value(i) instanceof List<?> list) {
                    ArrayNode items = pair.addArray();
                    list.forEach(item -> items.add(String.valueOf(item)));
                } else {
                    pair.add(String.valueOf(facts.value(i)));
                }
            }
        }
        return write(array);
    }

    static List<Reason> verdict(String json) {
        List<Reason> reasons = new ArrayList<>();
        if (json == null) {
            return reasons;
        }
        for (JsonNode node : read(json)) {
            List<Object> keysAndValues = new ArrayList<>();
            for (JsonNode pair : node.get("evidence")) {
                keysAndValues.add(pair.get(0).asText());
                JsonNode value = pair.get(1);
                if (value.isArray()) {
                    List<String> items = new ArrayList<>();
                    value.forEach(item -> items.add(item.asText()));
                    keysAndValues.add(items);
                } else {
                    keysAndValues.add(value.asText());
                }
            }
            reasons.add(new Reason(ReasonCode.valueOf(node.get("code").asText()), Evidence.of(keysAndValues.toArray())));
        }
        return reasons;
    }

    static String history(List<Transition> history) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Transition step : history) {
            ObjectNode node = array.addObject();
            node.put("from", step.from().name());
            node.put("to", step.to().name());
            node.put("at", step.at().toString());
            if (step.raw() == null) {
                node.putNull("raw");
            } else {
                node.put("raw", step.raw().value());
            }
        }
        return write(array);
    }

    static List<Transition> history(String json) {
        List<Transition> history = new ArrayList<>();
        if (json == null) {
            return history;
        }
        for (JsonNode node : read(json)) {
            JsonNode raw = node.get("raw");
            history.add(new Transition(PaymentState.valueOf(node.get("from").asText()), PaymentState.valueOf(node.get("to").asText()),
                    Instant.parse(node.get("at").asText()), raw == null || raw.isNull() ? null : new RawCode(raw.asText())));
        }
        return history;
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
