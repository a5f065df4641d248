package io.shoudan.sandbox.http.alipay;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoudan.sandbox.alipay.AlipaySimulator;
import io.shoudan.sandbox.fault.ChannelReply;
import io.shoudan.sandbox.http.Forms;
import io.shoudan.sandbox.http.WireAnswer;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.Merchants;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Alipay's Open API gateway ({@code POST /gateway.do}) in front of the {@link AlipaySimulator}.
 *
 * <p>The official SDK puts the common parameters (app_id, method, charset, sign_type, sign,
 * timestamp, version, alipay_sdk, …) in the query string and biz_content in the form body; a
 * hand-written client may put everything in the body. Both are read and merged. The gateway then
 * checks the common parameters, the app_id, and the RSA2 signature over every parameter but
 * {@code sign}; a refusal answers in the method's {@code *_response} node (or {@code error_response}
 * for a missing or unknown method) with code 40001 / 40002. Accepted calls go to the simulator and its
 * answer is written as {@code {"<method>_response":{…},"sign":"…"}}, signed with the sandbox's key
 * over the exact text of the node, which is what the SDK extracts and verifies.
 */
public final class AlipayGateway {

    static final String CONTENT_TYPE = "application/json;charset=utf-8";

    private final AlipaySimulator simulator;
    private final Merchants merchants;
    private final AlipayKeys keys;
    private final AlipayJson json = new AlipayJson();

    public AlipayGateway(AlipaySimulator simulator, Merchants merchants, AlipayKeys keys) {
        this.simulator = Objects.requireNonNull(simulator);
        this.merchants = Objects.requireNonNull(merchants);
        this.keys = Objects.requireNonNull(keys);
    }

    /**
     * @param queryString the raw (still URL-encoded) query string, may be null
     * @param body        the raw form body bytes
     */
    public WireAnswer handle(String queryString, byte[] body) {
        Map<String, String> parameters;
        Charset charset;
        try {
            Map<String, String> query = Forms.decode(queryString, StandardCharsets.UTF_8);
            // The charset parameter says how the values are encoded; it may sit in the query or the body.
            String charsetName = query.get("charset");
            if (charsetName == null) {
                charsetName = Forms.decode(new String(body, StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                        .get("charset");
            }
            Optional<Charset> known = charsetOf(charsetName);
            if (known.isEmpty()) {
                return errorAnswer(null, GatewayError.INVALID_CHARSET, null);
            }
            charset = known.get();
            parameters = new LinkedHashMap<>(Forms.decode(queryString, charset));
            Forms.decode(new String(body, StandardCharsets.ISO_8859_1), charset).forEach(parameters::putIfAbsent);
        } catch (IllegalArgumentException badEncoding) {
            return errorAnswer(null, GatewayError.INVALID_ENCODING, null);
        }
        return handle(parameters, charset);
    }

    private WireAnswer handle(Map<String, String> parameters, Charset charset) {
        String method = parameters.get("method");
        if (isEmpty(method)) {
            return errorAnswer(null, GatewayError.MISSING_METHOD, null);
        }
        Optional<Method> known = Method.of(method);
        if (known.isEmpty()) {
            return errorAnswer(null, GatewayError.INVALID_METHOD, null);
        }
        Method call = known.get();
        Optional<GatewayError> refusal = checkCommonParameters(parameters);
        if (refusal.isPresent()) {
            return errorAnswer(call, refusal.get(), null);
        }
        String appId = parameters.get("app_id");
        String content = Rsa2.signContent(parameters);
        if (!Rsa2.verify(content, parameters.get("sign"), keys.appPublicKey(), charset)) {
            // Alipay shows the string it verified, so a developer can compare it with what they signed.
            return errorAnswer(call, GatewayError.INVALID_SIGNATURE, "网关生成的验签字符串为：" + content);
        }
        JsonNode biz = json.parseBizContent(parameters.get("biz_content"));
        if (biz == null) {
            biz = json.parseBizContent("{}");
        }
        return switch (call) {
            case PAY -> answer(call, simulator.pay(AlipayJson.payRequest(appId, biz)));
            case QUERY -> answer(call, simulator.query(AlipayJson.queryRequest(appId, biz)));
            case CANCEL -> answer(call, simulator.cancel(AlipayJson.cancelRequest(appId, biz)));
            case REFUND -> answer(call, simulator.refund(AlipayJson.refundRequest(appId, biz)));
        };
    }

    private Optional<GatewayError> checkCommonParameters(Map<String, String> parameters) {
        String appId = parameters.get("app_id");
        if (isEmpty(appId)) {
            return Optional.of(GatewayError.MISSING_APP_ID);
        }
        String format = parameters.get("format");
        if (!isEmpty(format) && !"json".equalsIgnoreCase(format)) {
            return Optional.of(GatewayError.INVALID_FORMAT);
        }
        String signType = parameters.get("sign_type");
        if (isEmpty(signType)) {
            return Optional.of(GatewayError.MISSING_SIGNATURE_TYPE);
        }
        if (!"RSA2".equals(signType)) {
            return Optional.of(GatewayError.INVALID_SIGNATURE_TYPE);
        }
        if (isEmpty(parameters.get("sign"))) {
            return Optional.of(GatewayError.MISSING_SIGNATURE);
        }
        String timestamp = parameters.get("timestamp");
        if (isEmpty(timestamp)) {
            return Optional.of(GatewayError.MISSING_TIMESTAMP);
        }
        try {
            LocalDateTime.parse(timestamp, AlipayJson.TIME);
        } catch (DateTimeParseException malformed) {
            return Optional.of(GatewayError.INVALID_TIMESTAMP);
        }
        if (isEmpty(parameters.get("version"))) {
            return Optional.of(GatewayError.MISSING_VERSION);
        }
        if (merchants.find(MerchantKey.alipay(appId)).isEmpty()) {
            return Optional.of(GatewayError.INVALID_APP_ID);
        }
        return Optional.empty();
    }

    private <A> WireAnswer answer(Method call, ChannelReply<A> reply) {
        return switch (reply) {
            // A delay has already passed: the sandbox's sleeper is real behind a socket.
            case ChannelReply.Delivered<A> delivered ->
                    signed(call.responseNode(), json.responseNode(delivered.answer()), delivered.signatureTampered());
            case ChannelReply.ResponseLost<A> lost -> new WireAnswer.DropConnection();
        };
    }

    private WireAnswer errorAnswer(Method call, GatewayError error, String detail) {
        String node = call == null ? "error_response" : call.responseNode();
        return signed(node, json.gatewayErrorNode(error, detail), false);
    }

    /**
     * The node's text is written once and signed as written: the SDK verifies the substring between
     * {@code "<node>":} and the matching brace, byte for byte.
     */
    private WireAnswer signed(String nodeName, String nodeJson, boolean tamper) {
        String sign = Rsa2.sign(nodeJson, keys.sandboxPrivateKey(), StandardCharsets.UTF_8);
        if (tamper) {
            sign = corrupt(sign);
        }
        String body = "{" + json.quoted(nodeName) + ":" + nodeJson + ",\"sign\":" + json.quoted(sign) + "}";
        return new WireAnswer.Body(CONTENT_TYPE, body);
    }

    /** Changes one Base64 character in the middle: still well-formed, no longer the signature. */
    static String corrupt(String sign) {
        int at = sign.length() / 2;
        char replaced = sign.charAt(at) == 'A' ? 'B' : 'A';
        return sign.substring(0, at) + replaced + sign.substring(at + 1);
    }

    private static Optional<Charset> charsetOf(String name) {
        if (isEmpty(name)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return Optional.empty();
        }
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    /** The methods the sandbox serves, each with its answer node. */
    enum Method {
        PAY("alipay.trade.pay"), QUERY("alipay.trade.query"), CANCEL("alipay.trade.cancel"),
        REFUND("alipay.trade.refund");

        private final String wire;

        Method(String wire) {
            this.wire = wire;
        }

        String responseNode() {
            return wire.replace('.', '_') + "_response";
        }

        static Optional<Method> of(String wire) {
            for (Method method : values()) {
                if (method.wire.equals(wire)) {
                    return Optional.of(method);
                }
            }
            return Optional.empty();
        }
    }

}
