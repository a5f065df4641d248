package io.shoudan.sandbox.http.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoudan.method.Channel;
import io.shoudan.sandbox.Fixture;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.http.RunningSandbox;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gateway at the byte level, with a hand-written client: everything in the form body, the signed
 * string, tampering, the common-parameter checks, and the answer's signature over the raw node text.
 */
class AlipayGatewayWireTest {

    @TempDir
    Path dataDir;

    private RunningSandbox running;
    private PrivateKey appKey;
    private ConsumerId ann;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        running = new RunningSandbox(dataDir);
        ann = running.fixture.register(Fixture.wellOff("ann", "6222020000000000001")).id();
        byte[] der = Base64.getDecoder().decode(AlipayKeys.pemBody(running.server.alipayKeys().appPrivateKeyFile()));
        appKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void aClientThatPutsEveryParameterInTheBodyIsServedAndTheAnswerIsSignedOverTheRawNode() throws Exception {
        Map<String, String> parameters = common("alipay.trade.pay");
        parameters.put("biz_content", "{\"out_trade_no\":\"W-1\",\"scene\":\"bar_code\",\"auth_code\":\""
                + running.fixture.code(ann, Channel.ALIPAY) + "\",\"subject\":\"咖啡\",\"total_amount\":\"8.80\"}");
        parameters.put("sign", Rsa2.sign(Rsa2.signContent(parameters), appKey, StandardCharsets.UTF_8));

        HttpResponse<String> response = running.post("/gateway.do", "application/x-www-form-urlencoded;charset=utf-8",
                form(parameters));

        String body = response.body();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body).startsWith("{\"alipay_trade_pay_response\":{");
        String node = body.substring(body.indexOf(":") + 1, body.lastIndexOf(",\"sign\":"));
        String sign = json.readTree(body).get("sign").asText();
        assertThat(Rsa2.verify(node, sign, running.server.alipayKeys().sandboxPublicKey(), StandardCharsets.UTF_8))
                .isTrue();
        JsonNode answer = json.readTree(node);
        assertThat(answer.get("code").asText()).isEqualTo("10000");
        assertThat(answer.get("total_amount").asText()).isEqualTo("8.80");
        assertThat(answer.get("gmt_payment").asText()).isEqualTo("2026-11-23 10:00:00");
    }

    @Test
    void aRequestChangedAfterSigningIsRefusedWith40002AndNothingIsPaid() throws Exception {
        Map<String, String> parameters = common("alipay.trade.pay");
        String code = running.fixture.code(ann, Channel.ALIPAY);
        parameters.put("biz_content", "{\"out_trade_no\":\"W-2\",\"scene\":\"bar_code\",\"auth_code\":\"" + code
                + "\",\"subject\":\"tea\",\"total_amount\":\"1.00\"}");
        parameters.put("sign", Rsa2.sign(Rsa2.signContent(parameters), appKey, StandardCharsets.UTF_8));
        parameters.put("biz_content", parameters.get("biz_content").replace("1.00", "100.00"));

        JsonNode answer = node(running.post("/gateway.do", "application/x-www-form-urlencoded", form(parameters)),
                "alipay_trade_pay_response");

        assertThat(answer.get("code").asText()).isEqualTo("40002");
        assertThat(answer.get("sub_code").asText()).isEqualTo("isv.invalid-signature");
        assertThat(running.fixture.sandbox.fundsTotal()).isEqualTo(running.fixture.registeredFunds);
        assertThat(running.fixture.sandbox.merchants().received(
                io.shoudan.sandbox.merchant.MerchantKey.alipay(Fixture.APP_ID)).isZero()).isTrue();
    }

    @Test
    void signTypeIsPartOfTheSignedStringSoChangingItBreaksTheSignature() throws Exception {
        Map<String, String> parameters = common("alipay.trade.query");
        parameters.put("biz_content", "{\"out_trade_no\":\"none\"}");
        parameters.remove("sign_type");
        parameters.put("sign", Rsa2.sign(Rsa2.signContent(parameters), appKey, StandardCharsets.UTF_8));
        parameters.put("sign_type", "RSA2");

        JsonNode answer = node(running.post("/gateway.do", "application/x-www-form-urlencoded", form(parameters)),
                "alipay_trade_query_response");

        assertThat(answer.get("sub_code").asText()).isEqualTo("isv.invalid-signature");
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @CsvSource({
            // parameter, value,              code,  sub_code
            "method,      '',                 40001, isv.missing-method",
            "method,      alipay.trade.close, 40002, isv.invalid-method",
            "app_id,      '',                 40001, isv.missing-app-id",
            "sign_type,   RSA,                40002, isv.invalid-signature-type",
            "sign_type,   '',                 40001, isv.missing-signature-type",
            "sign,        '',                 40001, isv.missing-signature",
            "timestamp,   2026/11/23 10:00,   40002, isv.invalid-timestamp",
            "charset,     no-such-charset,    40002, isv.invalid-charset",
            "format,      xml,                40002, isv.invalid-format",
            "version,     '',                 40001, isv.missing-version",
    })
    void theGatewayChecksItsCommonParametersBeforeTheSignature(String parameter, String value, String code,
                                                                String subCode) throws Exception {
        Map<String, String> parameters = common("alipay.trade.query");
        parameters.put("biz_content", "{\"out_trade_no\":\"none\"}");
        parameters.put("sign", Rsa2.sign(Rsa2.signContent(parameters), appKey, StandardCharsets.UTF_8));
        parameters.put(parameter, value);

        HttpResponse<String> response = running.post("/gateway.do", "application/x-www-form-urlencoded",
                form(parameters));
        JsonNode body = json.readTree(response.body());
        JsonNode answer = body.has("alipay_trade_query_response") ? body.get("alipay_trade_query_response")
                : body.get("error_response");

        assertThat(answer.get("code").asText()).isEqualTo(code);
        assertThat(answer.get("sub_code").asText()).isEqualTo(subCode);
        assertThat(body.has("sign")).isTrue();
    }

    private JsonNode node(HttpResponse<String> response, String name) throws Exception {
        return json.readTree(response.body()).get(name);
    }

    private static Map<String, String> common(String method) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("app_id", Fixture.APP_ID);
        parameters.put("method", method);
        parameters.put("format", "JSON");
        parameters.put("charset", "utf-8");
        parameters.put("sign_type", "RSA2");
        parameters.put("timestamp", "2026-11-23 10:00:00");
        parameters.put("version", "1.0");
        return parameters;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
