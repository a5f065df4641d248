package io.shoudan.sandbox.http.wechat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.shoudan.money.Money;
import io.shoudan.sandbox.fault.ChannelReply;
import io.shoudan.sandbox.http.WireAnswer;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.Merchants;
import io.shoudan.sandbox.wechat.ErrCode;
import io.shoudan.sandbox.wechat.MicropayRequest;
import io.shoudan.sandbox.wechat.OrderQueryRequest;
import io.shoudan.sandbox.wechat.RefundRequest;
import io.shoudan.sandbox.wechat.ReverseRequest;
import io.shoudan.sandbox.wechat.TradeState;
import io.shoudan.sandbox.wechat.WechatPaySimulator;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * WeChat Pay API v2 for 付款码支付 in front of the {@link WechatPaySimulator}: {@code /pay/micropay},
 * {@code /pay/orderquery}, {@code /secapi/pay/reverse}, {@code /secapi/pay/refund}. XML in, XML out.
 *
 * <p>Every request must carry {@code mch_id}, {@code nonce_str} and a {@code sign} made with the
 * merchant's API key ({@link WechatSign}); a failure answers {@code return_code=FAIL} with
 * {@code return_msg} (签名错误 for a wrong sign) and no sign. Answers with {@code return_code=SUCCESS}
 * carry a fresh {@code nonce_str} and a {@code sign} of the request's sign type. The {@code secapi}
 * paths need the merchant's client certificate at WeChat; the sandbox runs plain HTTP on loopback and
 * does not ask for one.
 */
public final class WechatPayEndpoints {

    static final String CONTENT_TYPE = "text/xml;charset=utf-8";
    private static final DateTimeFormatter TIME_END = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String NONCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final WechatPaySimulator simulator;
    private final Merchants merchants;
    private final WechatApiKeys keys;
    private final ObjectMapper mapper;
    private final SecureRandom random = new SecureRandom();

    public WechatPayEndpoints(WechatPaySimulator simulator, Merchants merchants, WechatApiKeys keys) {
        this.simulator = Objects.requireNonNull(simulator);
        this.merchants = Objects.requireNonNull(merchants);
        this.keys = Objects.requireNonNull(keys);
        SimpleModule wire = new SimpleModule("wechat-wire")
                .addSerializer(Money.class, new WireSerializer<>(money -> Long.toString(money.fen())))
                .addSerializer(ErrCode.class, new WireSerializer<>(ErrCode::wire))
                .addSerializer(TradeState.class, new WireSerializer<>(TradeState::name))
                .addSerializer(LocalDateTime.class, new WireSerializer<>(TIME_END::format));
        this.mapper = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .registerModule(wire);
    }

    public WireAnswer micropay(byte[] body) {
        return call(body, p -> simulator.micropay(new MicropayRequest(p.get("appid"), p.get("mch_id"),
                p.get("device_info"), p.get("body"), p.get("out_trade_no"), fen(p.get("total_fee")), p.get("fee_type"),
                p.get("spbill_create_ip"), p.get("auth_code"), p.get("limit_pay"), p.get("attach"))));
    }

    public WireAnswer orderQuery(byte[] body) {
        return call(body, p -> simulator.orderQuery(new OrderQueryRequest(p.get("appid"), p.get("mch_id"),
                p.get("transaction_id"), p.get("out_trade_no"))));
    }

    public WireAnswer reverse(byte[] body) {
        return call(body, p -> simulator.reverse(new ReverseRequest(p.get("appid"), p.get("mch_id"),
                p.get("transaction_id"), p.get("out_trade_no"))));
    }

    public WireAnswer refund(byte[] body) {
        return call(body, p -> simulator.refund(new RefundRequest(p.get("appid"), p.get("mch_id"),
                p.get("transaction_id"), p.get("out_trade_no"), p.get("out_refund_no"), fen(p.get("total_fee")),
                fen(p.get("refund_fee")))));
    }

    private WireAnswer call(byte[] body, Function<Map<String, String>, ChannelReply<?>> process) {
        Optional<Map<String, String>> parsed = WechatXml.parse(body);
        if (parsed.isEmpty()) {
            return fail("XML格式错误");
        }
        Map<String, String> request = parsed.get();
        String mchId = request.get("mch_id");
        if (isEmpty(mchId)) {
            return fail("缺少参数mch_id");
        }
        if (merchants.find(MerchantKey.wechat(mchId)).isEmpty()) {
            return fail("mch_id不存在");
        }
        if (isEmpty(request.get("nonce_str"))) {
            return fail("缺少参数nonce_str");
        }
        Optional<WechatSign> signType = WechatSign.ofRequest(request.get("sign_type"));
        if (signType.isEmpty()) {
            return fail("sign_type参数错误");
        }
        Optional<String> apiKey = keys.obtain(mchId);
        if (apiKey.isEmpty() || !signType.get().verify(request, apiKey.get())) {
            return fail("签名错误");
        }
        return switch (process.apply(request)) {
            // A delay has already passed: the sandbox's sleeper is real behind a socket.
            case ChannelReply.Delivered<?> delivered ->
                    answer(delivered.answer(), signType.get(), apiKey.get(), delivered.signatureTampered());
            case ChannelReply.ResponseLost<?> lost -> new WireAnswer.DropConnection();
        };
    }

    private WireAnswer answer(Object record, WechatSign signType, String apiKey, boolean tamper) {
        Map<String, String> fields = mapper.convertValue(record, new TypeReference<LinkedHashMap<String, String>>() {
        });
        if ("SUCCESS".equals(fields.get("return_code"))) {
            fields.put("nonce_str", nonce());
            String sign = signType.sign(fields, apiKey);
            fields.put("sign", tamper ? corrupt(sign) : sign);
        }
        return new WireAnswer.Body(CONTENT_TYPE, WechatXml.write(fields));
    }

    private static WireAnswer fail(String returnMsg) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "FAIL");
        fields.put("return_msg", returnMsg);
        return new WireAnswer.Body(CONTENT_TYPE, WechatXml.write(fields));
    }

    /** One hex digit changed: still looks like a sign, no longer is one. */
    static String corrupt(String sign) {
        int at = sign.length() / 2;
        char replaced = sign.charAt(at) == '0' ? '1' : '0';
        return sign.substring(0, at) + replaced + sign.substring(at + 1);
    }

    private String nonce() {
        StringBuilder nonce = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            nonce.append(NONCE_ALPHABET.charAt(random.nextInt(NONCE_ALPHABET.length())));
        }
        return nonce.toString();
    }

    /** total_fee and refund_fee are whole fen; anything else becomes absent, which the simulator refuses. */
    private static Money fen(String text) {
        if (text == null || !text.matches("-?[0-9]{1,15}")) {
            return null;
        }
        return Money.ofFen(Long.parseLong(text));
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static final class WireSerializer<T> extends JsonSerializer<T> {
        private final Function<T, String> toWire;

        WireSerializer(Function<T, String> toWire) {
            this.toWire = toWire;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(toWire.apply(value));
        }
    }
}
