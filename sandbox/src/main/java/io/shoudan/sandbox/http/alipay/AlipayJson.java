package io.shoudan.sandbox.http.alipay;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoudan.money.Money;
import io.shoudan.sandbox.alipay.AlipayCode;
import io.shoudan.sandbox.alipay.ExtendParams;
import io.shoudan.sandbox.alipay.HbFqPayInfo;
import io.shoudan.sandbox.alipay.SubCode;
import io.shoudan.sandbox.alipay.TradeCancelRequest;
import io.shoudan.sandbox.alipay.TradePayRequest;
import io.shoudan.sandbox.alipay.TradeQueryRequest;
import io.shoudan.sandbox.alipay.TradeRefundRequest;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The JSON of Alipay's Open API: {@code biz_content} into the simulator's requests, its answers into
 * the {@code *_response} node — snake_case names, amounts as yuan strings ({@code "12.34"}), times
 * {@code yyyy-MM-dd HH:mm:ss} Beijing time, codes by their wire value, absent fields left out.
 */
final class AlipayJson {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ObjectMapper mapper;

    AlipayJson() {
        SimpleModule wire = new SimpleModule("alipay-wire")
                .addSerializer(Money.class, new ToStringSerializer<>(Money::toString))
                .addSerializer(AlipayCode.class, new ToStringSerializer<>(AlipayCode::wire))
                .addSerializer(SubCode.class, new ToStringSerializer<>(SubCode::wire))
                .addSerializer(LocalDateTime.class, new ToStringSerializer<>(TIME::format))
                .addSerializer(HbFqPayInfo.class, new HbFqPayInfoSerializer());
        this.mapper = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .registerModule(wire);
    }

    /** The biz_content object; null when it is absent or not a JSON object. */
    JsonNode parseBizContent(String bizContent) {
        if (bizContent == null || bizContent.isBlank()) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(bizContent);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The compact JSON of an answer record: exactly the text that is signed and sent. */
    String responseNode(Object answer) {
        try {
            return mapper.writeValueAsString(answer);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + answer.getClass().getSimpleName(), e);
        }
    }

    String gatewayErrorNode(GatewayError error, String detail) {
        ObjectNode node = mapper.createObjectNode();
        node.put("code", error.code());
        node.put("msg", error.msg());
        node.put("sub_code", error.subCode());
        node.put("sub_msg", detail == null ? error.subMsgZh() : error.subMsgZh() + "，" + detail);
        return node.toString();
    }

    String quoted(String text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static TradePayRequest payRequest(String appId, JsonNode biz) {
        JsonNode extend = biz.get("extend_params");
        ExtendParams extendParams = extend != null && extend.isObject()
                && (text(extend, "hb_fq_num") != null || text(extend, "hb_fq_seller_percent") != null)
                ? new ExtendParams(text(extend, "hb_fq_num"), text(extend, "hb_fq_seller_percent"))
                : null;
        return new TradePayRequest(appId, text(biz, "out_trade_no"), text(biz, "scene"), text(biz, "auth_code"),
                text(biz, "product_code"), text(biz, "subject"), money(biz, "total_amount"), text(biz, "store_id"),
                text(biz, "terminal_id"), text(biz, "operator_id"), text(biz, "disable_pay_channels"),
                extendParams);
    }

    static TradeQueryRequest queryRequest(String appId, JsonNode biz) {
        return new TradeQueryRequest(appId, text(biz, "out_trade_no"), text(biz, "trade_no"));
    }

    static TradeCancelRequest cancelRequest(String appId, JsonNode biz) {
        return new TradeCancelRequest(appId, text(biz, "out_trade_no"), text(biz, "trade_no"));
    }

    static TradeRefundRequest refundRequest(String appId, JsonNode biz) {
        return new TradeRefundRequest(appId, text(biz, "out_trade_no"), text(biz, "trade_no"),
                money(biz, "refund_amount"), text(biz, "out_request_no"), text(biz, "refund_reason"));
    }

    /** A field as the text the client sent; numbers keep their written form; absent, null or "": null. */
    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        return text.isEmpty() ? null : text;
    }

    /** An amount the simulator can judge; malformed ("12.345", "abc") becomes absent, which it refuses. */
    private static Money money(JsonNode object, String field) {
        String text = text(object, field);
        return Money.isValid(text) ? Money.parse(text) : null;
    }

    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        private final java.util.function.Function<T, String> toWire;

        ToStringSerializer(java.util.function.Function<T, String> toWire) {
            this.toWire = toWire;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(toWire.apply(value));
        }
    }

    /** Alipay sends {@code hb_fq_pay_info} numbers as strings; the fee is the sandbox's extension. */
    private static final class HbFqPayInfoSerializer extends JsonSerializer<HbFqPayInfo> {
        @Override
        public void serialize(HbFqPayInfo info, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("user_install_num", Integer.toString(info.userInstallNum()));
            gen.writeStringField("hb_fq_seller_percent", Integer.toString(info.hbFqSellerPercent()));
            gen.writeStringField("installment_fee", info.installmentFee().toString());
            gen.writeEndObject();
        }
    }
}
