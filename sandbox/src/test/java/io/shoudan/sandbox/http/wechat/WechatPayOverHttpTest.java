package io.shoudan.sandbox.http.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoudan.method.Channel;
import io.shoudan.sandbox.Fixture;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.consumer.PasswordConfirmation;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.fault.Operation;
import io.shoudan.sandbox.http.RunningSandbox;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WeChat Pay v2 micropay over HTTP: signed XML in, signed XML out, the simulator behind. */
class WechatPayOverHttpTest {

    private static final String XML = "text/xml;charset=utf-8";

    @TempDir
    Path dataDir;

    private RunningSandbox running;
    private String apiKey;
    private ConsumerId bob;

    @BeforeEach
    void start() {
        running = new RunningSandbox(dataDir);
        bob = running.fixture.register(Fixture.wellOff("bob", "6222020000000000002")).id();
        apiKey = running.server.wechatKeys().obtain(Fixture.MCH_ID).orElseThrow();
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void theApiKeyIsWrittenOncePerMerchantAndReusedAfterARestart() throws IOException {
        Path file = dataDir.resolve("wechat").resolve(Fixture.MCH_ID + ".api_key");
        assertThat(Files.readString(file).strip()).isEqualTo(apiKey).hasSize(32);
        running.close();
        running = new RunningSandbox(running.fixture, dataDir);
        assertThat(running.server.wechatKeys().obtain(Fixture.MCH_ID)).contains(apiKey);
    }

    @Test
    void aSignedMicropayIsPaidAndTheAnswerIsSignedWithTheSameSignType() throws Exception {
        Map<String, String> answer = call("/pay/micropay", micropay("W-1", "1234", code()), WechatSign.HMAC_SHA256);

        assertThat(answer).containsEntry("return_code", "SUCCESS").containsEntry("result_code", "SUCCESS")
                .containsEntry("total_fee", "1234").containsEntry("trade_type", "MICROPAY")
                .containsEntry("out_trade_no", "W-1").containsKey("transaction_id").containsKey("time_end");
        assertThat(answer.get("nonce_str")).hasSize(32);
        assertThat(WechatSign.HMAC_SHA256.verify(answer, apiKey)).isTrue();

        Map<String, String> query = call("/pay/orderquery", order("W-1"), WechatSign.MD5);
        assertThat(query).containsEntry("trade_state", "SUCCESS");
        assertThat(WechatSign.MD5.verify(query, apiKey)).isTrue();

        Map<String, String> refund = order("W-1");
        refund.put("out_refund_no", "RF-1");
        refund.put("total_fee", "1234");
        refund.put("refund_fee", "234");
        assertThat(call("/secapi/pay/refund", refund, WechatSign.HMAC_SHA256))
                .containsEntry("result_code", "SUCCESS").containsEntry("refund_fee", "234");

        assertThat(call("/secapi/pay/reverse", order("W-1"), WechatSign.HMAC_SHA256))
                .containsEntry("result_code", "SUCCESS").containsEntry("recall", "N");
        assertThat(call("/pay/orderquery", order("W-1"), WechatSign.HMAC_SHA256)).containsEntry("trade_state", "REVOKED");
        assertThat(running.fixture.sandbox.fundsTotal()).isEqualTo(running.fixture.registeredFunds);
    }

    @Test
    void aWrongSignIsRefusedWithReturnCodeFailAndNothingHappens() throws Exception {
        Map<String, String> request = micropay("W-2", "100", code());
        request.put("sign_type", "HMAC-SHA256");
        request.put("sign", WechatSign.HMAC_SHA256.sign(request, "ANOTHERKEYANOTHERKEYANOTHERKEY12"));

        Map<String, String> answer = parse(running.post("/pay/micropay", XML, WechatXml.write(request)));

        assertThat(answer).containsEntry("return_code", "FAIL").containsEntry("return_msg", "签名错误")
                .doesNotContainKey("sign");
        assertThat(call("/pay/orderquery", order("W-2"), WechatSign.HMAC_SHA256))
                .containsEntry("err_code", "ORDERNOTEXIST");
    }

    @Test
    void aBuyerWhoMustEnterThePasswordGetsUserpayingAndTheQueryFindsThePaymentLater() throws Exception {
        ConsumerId carol = running.fixture.register(ConsumerSetup.of("carol").wechatBalance(Fixture.yuan("900.00"))
                .password(PasswordConfirmation.above(Fixture.yuan("100.00"), Duration.ofSeconds(10)))).id();

        Map<String, String> answer = call("/pay/micropay",
                micropay("W-3", "50000", running.fixture.code(carol, Channel.WECHAT)), WechatSign.HMAC_SHA256);

        assertThat(answer).containsEntry("result_code", "FAIL").containsEntry("err_code", "USERPAYING");
        running.fixture.clock.advance(Duration.ofSeconds(10));
        assertThat(call("/pay/orderquery", order("W-3"), WechatSign.HMAC_SHA256)).containsEntry("trade_state", "SUCCESS");
    }

    @Test
    void aTamperedAnswerSignDoesNotVerifyWithTheMerchantsKey() throws Exception {
        running.fixture.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.TamperSignature())
                .onlyFor(Operation.PAY));

        Map<String, String> answer = call("/pay/micropay", micropay("W-4", "100", code()), WechatSign.HMAC_SHA256);

        assertThat(answer).containsEntry("result_code", "SUCCESS");
        assertThat(WechatSign.HMAC_SHA256.verify(answer, apiKey)).isFalse();
    }

    @Test
    void aLostAnswerClosesTheConnectionAfterThePaymentHappened() throws Exception {
        running.fixture.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.ResponseLost())
                .onlyFor(Operation.PAY));
        Map<String, String> request = signed(micropay("W-5", "100", code()), WechatSign.HMAC_SHA256);

        assertThatThrownBy(() -> running.post("/pay/micropay", XML, WechatXml.write(request)))
                .isInstanceOf(IOException.class);
        assertThat(call("/pay/orderquery", order("W-5"), WechatSign.HMAC_SHA256)).containsEntry("trade_state", "SUCCESS");
    }

    @Test
    void notXmlAnUnknownMerchantAndAMissingNonceAreRefusedWithReturnCodeFail() throws Exception {
        assertThat(parse(running.post("/pay/micropay", XML, "{\"not\":\"xml\"}")))
                .containsEntry("return_code", "FAIL");
        assertThat(parse(running.post("/pay/micropay", XML,
                "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><mch_id>&x;</mch_id></xml>")))
                .containsEntry("return_code", "FAIL");
        Map<String, String> stranger = micropay("W-6", "100", code());
        stranger.put("mch_id", "1999999999");
        assertThat(call("/pay/micropay", stranger, WechatSign.HMAC_SHA256)).containsEntry("return_msg", "mch_id不存在");
        Map<String, String> noNonce = micropay("W-7", "100", code());
        noNonce.remove("nonce_str");
        assertThat(call("/pay/micropay", noNonce, WechatSign.HMAC_SHA256))
                .containsEntry("return_msg", "缺少参数nonce_str");
    }

    private String code() {
        return running.fixture.code(bob, Channel.WECHAT);
    }

    private Map<String, String> call(String path, Map<String, String> request, WechatSign signType) throws Exception {
        return parse(running.post(path, XML, WechatXml.write(signed(request, signType))));
    }

    private Map<String, String> signed(Map<String, String> request, WechatSign signType) {
        Map<String, String> copy = new LinkedHashMap<>(request);
        if (signType == WechatSign.HMAC_SHA256) {
            copy.put("sign_type", "HMAC-SHA256");
        }
        copy.put("sign", signType.sign(copy, apiKey));
        return copy;
    }

    private static Map<String, String> parse(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return WechatXml.parse(response.body().getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    private static Map<String, String> micropay(String outTradeNo, String totalFeeFen, String authCode) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("appid", "wx0000000000000001");
        request.put("mch_id", Fixture.MCH_ID);
        request.put("nonce_str", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS");
        request.put("body", "沙箱-咖啡");
        request.put("out_trade_no", outTradeNo);
        request.put("total_fee", totalFeeFen);
        request.put("spbill_create_ip", "127.0.0.1");
        request.put("auth_code", authCode);
        return request;
    }

    private static Map<String, String> order(String outTradeNo) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("appid", "wx0000000000000001");
        request.put("mch_id", Fixture.MCH_ID);
        request.put("out_trade_no", outTradeNo);
        request.put("nonce_str", "C380BEC2BFD727A4B6845133519F3AD6");
        return request;
    }
}
