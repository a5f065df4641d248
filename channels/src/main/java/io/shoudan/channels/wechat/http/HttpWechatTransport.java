package io.shoudan.channels.wechat.http;

import io.shoudan.channels.TransportReply;
import io.shoudan.channels.wechat.MicropayRequest;
import io.shoudan.channels.wechat.MicropayResponse;
import io.shoudan.channels.wechat.OrderQueryResponse;
import io.shoudan.channels.wechat.OrderRequest;
import io.shoudan.channels.wechat.ReverseResponse;
import io.shoudan.channels.wechat.WechatRefundRequest;
import io.shoudan.channels.wechat.WechatRefundResponse;
import io.shoudan.channels.wechat.WechatTransport;
import io.shoudan.money.Money;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * WeChat Pay API v2 付款码支付 over HTTP with the JDK's {@link HttpClient}: XML bodies, every request
 * signed HMAC-SHA256 with the merchant's API key, every {@code return_code=SUCCESS} answer's
 * {@code sign} verified with the same key.
 *
 * <ul>
 *   <li>an answer whose sign verifies — the fields as they are, codes uninterpreted;</li>
 *   <li>{@code return_code=FAIL} — WeChat signs these not at all; taken as they are, which is safe:
 *       the adapter reads them as "unknown, query", never as a decision;</li>
 *   <li>{@code return_code=SUCCESS} with a missing or wrong {@code sign} → {@link TransportReply.Untrusted}
 *       ({@code SECURITY.SIGNATURE_INVALID}): unknown, settled by the query;</li>
 *   <li>timeout, refused or closed connection, HTTP status other than 200, a body that is not WeChat's
 *       XML → {@link TransportReply.NoAnswer}.</li>
 * </ul>
 * The real {@code /secapi/} paths (reverse, refund) need the merchant's client certificate: pass an
 * {@link HttpClient} built with that {@code SSLContext} to {@link #HttpWechatTransport(WechatConfiguration, HttpClient)}.
 */
public final class HttpWechatTransport implements WechatTransport {

    static final String MICROPAY = "/pay/micropay";
    static final String ORDER_QUERY = "/pay/orderquery";
    static final String REVERSE = "/secapi/pay/reverse";
    static final String REFUND = "/secapi/pay/refund";
    private static final String NONCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** WeChat requires the payer terminal's IP; a POS behind our host has none of its own to give. */
    private static final String SPBILL_CREATE_IP = "127.0.0.1";

    private final WechatConfiguration configuration;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    public HttpWechatTransport(WechatConfiguration configuration) {
        this(configuration, HttpClient.newBuilder().connectTimeout(configuration.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** @param http e.g. with the merchant's client certificate for the {@code secapi} paths */
    public HttpWechatTransport(WechatConfiguration configuration, HttpClient http) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.http = Objects.requireNonNull(http, "http");
    }

    public WechatConfiguration configuration() {
        return configuration;
    }

    @Override
    public TransportReply<MicropayResponse> micropay(MicropayRequest request) {
        Map<String, String> fields = fields(request.appid(), request.mchId());
        fields.put("device_info", request.deviceInfo());
        fields.put("body", request.body());
        fields.put("out_trade_no", request.outTradeNo());
        fields.put("total_fee", fen(request.totalFee()));
        fields.put("fee_type", "CNY");
        fields.put("spbill_create_ip", SPBILL_CREATE_IP);
        fields.put("auth_code", request.authCode());
        fields.put("limit_pay", request.limitPay());
        return call(MICROPAY, fields, a -> new MicropayResponse(a.get("return_code"), a.get("return_msg"), a.get("result_code"),
                a.get("err_code"), a.get("err_code_des"), a.get("transaction_id"), a.get("bank_type")));
    }

    @Override
    public TransportReply<OrderQueryResponse> orderQuery(OrderRequest request) {
        return call(ORDER_QUERY, order(request), a -> new OrderQueryResponse(a.get("return_code"), a.get("return_msg"),
                a.get("result_code"), a.get("err_code"), a.get("err_code_des"), a.get("trade_state"), a.get("transaction_id"),
                a.get("bank_type")));
    }

    @Override
    public TransportReply<ReverseResponse> reverse(OrderRequest request) {
        return call(REVERSE, order(request), a -> new ReverseResponse(a.get("return_code"), a.get("return_msg"), a.get("result_code"),
                a.get("err_code"), a.get("err_code_des"), a.get("recall")));
    }

    @Override
    public TransportReply<WechatRefundResponse> refund(WechatRefundRequest request) {
        Map<String, String> fields = fields(request.appid(), request.mchId());
        fields.put("transaction_id", request.transactionId());
        fields.put("out_trade_no", request.outTradeNo());
        fields.put("out_refund_no", request.outRefundNo());
        fields.put("total_fee", fen(request.totalFee()));
        fields.put("refund_fee", fen(request.refundFee()));
        return call(REFUND, fields, a -> new WechatRefundResponse(a.get("return_code"), a.get("return_msg"), a.get("result_code"),
                a.get("err_code"), a.get("err_code_des"), a.get("refund_id")));
    }

    private Map<String, String> order(OrderRequest request) {
        Map<String, String> fields = fields(request.appid(), request.mchId());
        fields.put("transaction_id", request.transactionId());
        fields.put("out_trade_no", request.outTradeNo());
        return fields;
    }

    private Map<String, String> fields(String appid, String mchId) {
        if (!configuration.mchId().equals(mchId)) {
            // Signing another merchant's request with this key would only earn 签名错误; say so before sending.
            throw new IllegalArgumentException("this transport signs for mch_id " + configuration.mchId() + ", not " + mchId);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appid", appid == null ? configuration.appid() : appid);
        fields.put("mch_id", mchId);
        fields.put("nonce_str", nonce());
        fields.put("sign_type", WechatSignature.SIGN_TYPE);
        return fields;
    }

    private <T> TransportReply<T> call(String path, Map<String, String> fields, Function<Map<String, String>, T> answer) {
        fields.put("sign", WechatSignature.sign(fields, configuration.apiKey()));
        HttpRequest request = HttpRequest.newBuilder(configuration.endpoint(path))
                .timeout(configuration.readTimeout())
                .header("Content-Type", "text/xml;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(WechatXml.write(fields), StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException lost) {
            return TransportReply.noAnswer();     // timeout, refused, reset, closed without an answer
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return TransportReply.noAnswer();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (response.statusCode() != 200) {
            return TransportReply.noAnswer();
        }
        Optional<Map<String, String>> parsed = WechatXml.parse(response.body());
        if (parsed.isEmpty() || parsed.get().get("return_code") == null) {
            return TransportReply.noAnswer();
        }
        Map<String, String> answered = parsed.get();
        if ("SUCCESS".equals(answered.get("return_code")) && !WechatSignature.verifies(answered, configuration.apiKey())) {
            return TransportReply.signatureInvalid(took);
        }
        return new TransportReply.Answered<>(answer.apply(answered), took);
    }

    private String nonce() {
        StringBuilder nonce = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            nonce.append(NONCE_ALPHABET.charAt(random.nextInt(NONCE_ALPHABET.length())));
        }
        return nonce.toString();
    }

    /** WeChat amounts are whole fen. */
    private static String fen(Money amount) {
        return Long.toString(amount.fen());
    }
}
