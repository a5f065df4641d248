package io.shoudan.channels.alipay.sdk;

import com.alipay.api.AlipayApiErrorEnum;
import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradeCancelModel;
import com.alipay.api.domain.AlipayTradePayModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.domain.ExtendParams;
import com.alipay.api.domain.TradeFundBill;
import com.alipay.api.internal.util.AlipayLogger;
import com.alipay.api.request.AlipayTradeCancelRequest;
import com.alipay.api.request.AlipayTradePayRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradeCancelResponse;
import com.alipay.api.response.AlipayTradePayResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoudan.channels.TransportReply;
import io.shoudan.channels.alipay.AlipayCancelResponse;
import io.shoudan.channels.alipay.AlipayFundBill;
import io.shoudan.channels.alipay.AlipayPayRequest;
import io.shoudan.channels.alipay.AlipayPayResponse;
import io.shoudan.channels.alipay.AlipayQueryResponse;
import io.shoudan.channels.alipay.AlipayRefundRequest;
import io.shoudan.channels.alipay.AlipayRefundResponse;
import io.shoudan.channels.alipay.AlipayTradeRequest;
import io.shoudan.channels.alipay.AlipayTransport;
import io.shoudan.money.Money;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Alipay transport over the Open API gateway with the official SDK ({@code DefaultAlipayClient}):
 * RSA2-signed requests, answers verified with Alipay's public key by the SDK itself. Pointed at the
 * sandbox or at {@code openapi.alipay.com} by its {@link AlipayConfiguration}; the adapter does not
 * change.
 *
 * <p>What comes back, and what the adapter makes of it:
 * <ul>
 *   <li>an answer, whatever its code — the channel's fields as they are. The SDK's {@code isSuccess()}
 *       is true for {@code 10003} (waiting for the buyer's password) and for {@code 10000}; it is never
 *       read: the adapter classifies {@code code} / {@code sub_code};</li>
 *   <li>the SDK's "sign check fail" — the answer's signature does not verify, so it may say anything →
 *       {@link TransportReply.Untrusted} ({@code SECURITY.SIGNATURE_INVALID}): the payment becomes
 *       unknown and the query settles it, never a refusal and never a success;</li>
 *   <li>any other SDK or I/O failure (connect / read timeout, connection closed, unreadable body) →
 *       {@link TransportReply.NoAnswer}: unknown, queried.</li>
 * </ul>
 */
public final class SdkAlipayTransport implements AlipayTransport {

    /** The SDK's prefix for its answer-signature failures (AlipayApiErrorEnum.CHECK_SIGN_*). */
    private static final String SIGN_CHECK_FAIL = "sign check fail";
    private static final String EMPTY_BODY = AlipayApiErrorEnum.CHECK_SIGN_BODY_EMPTY_ERROR.getErrMsg();
    private static final String PAY_NODE = "alipay_trade_pay_response";

    private final AlipayConfiguration configuration;
    /** One SDK client per app_id, all with the configuration's key pair (the SDK binds app_id to its client). */
    private final Map<String, AlipayClient> clients = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    public SdkAlipayTransport(AlipayConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        // The SDK logs every request with all its parameters (payment codes included) through
        // java.util.logging: payment codes must not reach logs.
        AlipayLogger.setNeedEnableLogger(false);
        client(configuration.appId());   // fails now, at wiring, if the keys do not load
    }

    public AlipayConfiguration configuration() {
        return configuration;
    }

    @Override
    public TransportReply<AlipayPayResponse> pay(AlipayPayRequest request) {
        AlipayTradePayModel model = new AlipayTradePayModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setScene(AlipayPayRequest.SCENE);
        model.setProductCode(AlipayPayRequest.PRODUCT_CODE);
        model.setAuthCode(request.authCode());
        model.setSubject(request.subject());
        model.setTotalAmount(request.totalAmount().toString());
        model.setStoreId(request.storeId());
        model.setTerminalId(request.terminalId());
        model.setDisablePayChannels(request.disablePayChannels());
        if (request.hbFqNum() != null) {
            ExtendParams extend = new ExtendParams();
            extend.setHbFqNum(request.hbFqNum());
            extend.setHbFqSellerPercent(request.hbFqSellerPercent());
            model.setExtendParams(extend);
        }
        AlipayTradePayRequest sent = new AlipayTradePayRequest();
        sent.setBizModel(model);
        return call(request.appId(), sent, r -> new AlipayPayResponse(r.getCode(), r.getMsg(), r.getSubCode(), r.getSubMsg(),
                r.getTradeNo(), r.getOutTradeNo(), bills(r.getFundBillList()), payInstallNum(r.getBody())));
    }

    @Override
    public TransportReply<AlipayQueryResponse> query(AlipayTradeRequest request) {
        AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setTradeNo(request.tradeNo());
        AlipayTradeQueryRequest sent = new AlipayTradeQueryRequest();
        sent.setBizModel(model);
        return call(request.appId(), sent, r -> new AlipayQueryResponse(r.getCode(), r.getMsg(), r.getSubCode(), r.getSubMsg(),
                r.getTradeNo(), r.getTradeStatus(), bills(r.getFundBillList()),
                r.getHbFqPayInfo() == null ? null : count(r.getHbFqPayInfo().getUserInstallNum())));
    }

    @Override
    public TransportReply<AlipayCancelResponse> cancel(AlipayTradeRequest request) {
        AlipayTradeCancelModel model = new AlipayTradeCancelModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setTradeNo(request.tradeNo());
        AlipayTradeCancelRequest sent = new AlipayTradeCancelRequest();
        sent.setBizModel(model);
        return call(request.appId(), sent, r -> new AlipayCancelResponse(r.getCode(), r.getMsg(), r.getSubCode(), r.getSubMsg(),
                r.getRetryFlag(), r.getAction()));
    }

    @Override
    public TransportReply<AlipayRefundResponse> refund(AlipayRefundRequest request) {
        AlipayTradeRefundModel model = new AlipayTradeRefundModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setTradeNo(request.tradeNo());
        model.setRefundAmount(request.refundAmount().toString());
        model.setOutRequestNo(request.outRequestNo());
        AlipayTradeRefundRequest sent = new AlipayTradeRefundRequest();
        sent.setBizModel(model);
        return call(request.appId(), sent, r -> new AlipayRefundResponse(r.getCode(), r.getMsg(), r.getSubCode(), r.getSubMsg(),
                r.getFundChange(), money(r.getRefundFee())));
    }

    private <R extends AlipayResponse, T> TransportReply<T> call(String appId, AlipayRequest<R> request, Function<R, T> answer) {
        long started = System.nanoTime();
        R response;
        try {
            response = client(appId).execute(request);
        } catch (AlipayApiException failed) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return isSignatureFailure(failed) ? TransportReply.signatureInvalid(took) : TransportReply.noAnswer();
        } catch (RuntimeException unreadable) {
            // the SDK's parser on a body that is not Alipay JSON (a proxy's HTML page): nothing usable came back
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return isSignatureFailure(unreadable) ? TransportReply.signatureInvalid(took) : TransportReply.noAnswer();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (response == null) {
            return TransportReply.noAnswer();
        }
        return new TransportReply.Answered<>(answer.apply(response), took);
    }

    /** The SDK's own words for "the answer's signature does not verify" (AlipayApiErrorEnum.CHECK_SIGN_*). */
    static boolean isSignatureFailure(Throwable failed) {
        // The SDK sometimes wraps its own exception (message "com.alipay.api.AlipayApiException: sign check
        // fail…"), so every message of the chain is read. "sign check fail: Body is Empty!" is not among
        // them: an empty body is no answer, not a forged one.
        for (Throwable cause = failed; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.contains(SIGN_CHECK_FAIL) && !message.contains(EMPTY_BODY)) {
                return true;
            }
        }
        return false;
    }

    private AlipayClient client(String appId) {
        return clients.computeIfAbsent(appId, this::newClient);
    }

    private AlipayClient newClient(String appId) {
        AlipayConfig config = new AlipayConfig();
        config.setServerUrl(configuration.gatewayUrl().toString());
        config.setAppId(appId);
        config.setPrivateKey(configuration.appPrivateKey());
        config.setAlipayPublicKey(configuration.alipayPublicKey());
        config.setFormat("json");
        config.setCharset("UTF-8");
        config.setSignType("RSA2");
        config.setConnectTimeout(Math.toIntExact(configuration.connectTimeout().toMillis()));
        config.setReadTimeout(Math.toIntExact(configuration.readTimeout().toMillis()));
        try {
            return new DefaultAlipayClient(config);
        } catch (AlipayApiException badConfiguration) {
            throw new IllegalArgumentException("the Alipay SDK refused the configuration " + configuration + ": "
                    + badConfiguration.getMessage(), badConfiguration);
        }
    }

    private static List<AlipayFundBill> bills(List<TradeFundBill> bills) {
        if (bills == null) {
            return List.of();
        }
        List<AlipayFundBill> mapped = new ArrayList<>();
        for (TradeFundBill bill : bills) {
            mapped.add(new AlipayFundBill(bill.getFundChannel(), bill.getFundType(), money(bill.getAmount())));
        }
        return mapped;
    }

    /**
     * {@code hb_fq_pay_info.user_install_num} of a pay answer: the SDK's {@code AlipayTradePayResponse}
     * has no field for it (its query answer has), so it is read from the verified body.
     */
    Integer payInstallNum(String body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode installNum = json.readTree(body).path(PAY_NODE).path("hb_fq_pay_info").path("user_install_num");
            return installNum.isMissingNode() || installNum.isNull() ? null : count(installNum.asText());
        } catch (java.io.IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** A count as Alipay prints it ("3"); anything else is absent (the adapter then reports plain Huabei). */
    static Integer count(String text) {
        return text != null && text.matches("[0-9]{1,3}") ? Integer.valueOf(text) : null;
    }

    /** Yuan as Alipay prints them ("12.34"); anything else is absent, never a guess. */
    static Money money(String yuan) {
        return Money.isValid(yuan) ? Money.parse(yuan) : null;
    }
}
