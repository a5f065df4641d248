package io.shoudan.channels.wechat.http;

import com.sun.net.httpserver.HttpServer;
import io.shoudan.channels.TransportReply;
import io.shoudan.channels.wechat.MicropayRequest;
import io.shoudan.channels.wechat.MicropayResponse;
import io.shoudan.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transport against a minimal WeChat stand-in on loopback (JDK HttpServer) that can answer anything:
 * what it signs and sends, and what it makes of signed, unsigned, forged and broken answers.
 */
class HttpWechatTransportTest {

    private static final String KEY = "0123456789abcdef0123456789ABCDEF";
    private static final MicropayRequest PAY = new MicropayRequest("wx2421b1c4370ec43b", "1900000001", "LKL-A8-000123", "收单消费",
            "P-T-000000000042", Money.parse("8.80"), "134512345678901234", null);

    private final AtomicReference<Map<String, String>> received = new AtomicReference<>();
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final HttpServer server;
    private final HttpWechatTransport transport;

    private record Answer(int status, String body) {
    }

    HttpWechatTransportTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.set(WechatXml.parse(exchange.getRequestBody().readAllBytes()).orElse(Map.of()));
            byte[] body = answer.get().body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get().status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        transport = new HttpWechatTransport(WechatConfiguration.sandbox(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "1900000001", "wx2421b1c4370ec43b", KEY));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String signed(UnaryOperator<Map<String, String>> tamper) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "SUCCESS");
        fields.put("result_code", "SUCCESS");
        fields.put("transaction_id", "4200000000202611230000000001");
        fields.put("bank_type", "OTHERS");
        fields.put("nonce_str", "n0nce");
        fields.put("sign_type", "HMAC-SHA256");
        fields.put("sign", WechatSignature.sign(fields, KEY));
        return WechatXml.write(tamper.apply(fields));
    }

    @Test
    void theRequestIsSignedWithTheMerchantKeyAndCarriesTheWireFields() {
        answer.set(new Answer(200, signed(UnaryOperator.identity())));

        transport.micropay(PAY);

        Map<String, String> sent = received.get();
        assertThat(sent).containsEntry("mch_id", "1900000001").containsEntry("appid", "wx2421b1c4370ec43b")
                .containsEntry("total_fee", "880").containsEntry("auth_code", "134512345678901234")
                .containsEntry("out_trade_no", "P-T-000000000042").containsEntry("sign_type", "HMAC-SHA256")
                .containsEntry("body", "收单消费");
        assertThat(sent.get("nonce_str")).matches("[A-Za-z0-9]{32}");
        assertThat(WechatSignature.verifies(sent, KEY)).isTrue();
    }

    @Test
    void aVerifiedAnswerIsPassedOnAsItIs() {
        answer.set(new Answer(200, signed(UnaryOperator.identity())));

        TransportReply<MicropayResponse> reply = transport.micropay(PAY);

        MicropayResponse response = ((TransportReply.Answered<MicropayResponse>) reply).answer();
        assertThat(response).isEqualTo(new MicropayResponse("SUCCESS", null, "SUCCESS", null, null, "4200000000202611230000000001", "OTHERS"));
    }

    @Test
    void aForgedOrUnsignedSuccessIsUntrusted() {
        answer.set(new Answer(200, signed(fields -> {
            fields.put("transaction_id", "4200000000202611230000000002");   // changed after signing
            return fields;
        })));
        assertThat(transport.micropay(PAY)).isInstanceOf(TransportReply.Untrusted.class);

        answer.set(new Answer(200, signed(fields -> {
            fields.remove("sign");
            return fields;
        })));
        TransportReply<MicropayResponse> unsigned = transport.micropay(PAY);
        assertThat(unsigned).isInstanceOf(TransportReply.Untrusted.class);
        assertThat(((TransportReply.Untrusted<MicropayResponse>) unsigned).raw().value()).isEqualTo("SECURITY.SIGNATURE_INVALID");
    }

    @Test
    void anUnsignedReturnCodeFailIsAnAnswerBecauseWechatSignsNone() {
        answer.set(new Answer(200, "<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[签名错误]]></return_msg></xml>"));

        TransportReply<MicropayResponse> reply = transport.micropay(PAY);

        assertThat(((TransportReply.Answered<MicropayResponse>) reply).answer().returnCode()).isEqualTo("FAIL");
    }

    @Test
    void anHttpErrorOrABodyThatIsNotWechatXmlIsNoAnswer() {
        answer.set(new Answer(502, "<html>Bad Gateway</html>"));
        assertThat(transport.micropay(PAY)).isInstanceOf(TransportReply.NoAnswer.class);
        answer.set(new Answer(200, "<html>maintenance</html>"));
        assertThat(transport.micropay(PAY)).isInstanceOf(TransportReply.NoAnswer.class);
        answer.set(new Answer(200, "<xml><foo>1</foo></xml>"));
        assertThat(transport.micropay(PAY)).isInstanceOf(TransportReply.NoAnswer.class);
    }

    @Test
    void aClosedPortIsNoAnswer() {
        server.stop(0);
        assertThat(transport.micropay(PAY)).isInstanceOf(TransportReply.NoAnswer.class);
    }

    @Test
    void theConfigurationNeverPrintsTheKey() {
        assertThat(transport.configuration().toString()).doesNotContain(KEY).contains("1900000001");
    }
}
