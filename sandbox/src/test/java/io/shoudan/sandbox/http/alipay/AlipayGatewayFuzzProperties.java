package io.shoudan.sandbox.http.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoudan.sandbox.Fixture;
import io.shoudan.sandbox.http.WireAnswer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bytes from outside: whatever query string and body arrive, the gateway answers a well-formed,
 * signed JSON document, and a correctly signed request with arbitrary biz_content reaches the
 * simulator and comes back as one of Alipay's codes — never an exception.
 */
class AlipayGatewayFuzzProperties {

    private static Path dir;
    private static AlipayKeys keys;
    private static PrivateKey appKey;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeContainer
    static void keys() throws Exception {
        dir = Files.createTempDirectory("alipay-fuzz");
        keys = AlipayKeys.loadOrGenerate(dir);
        byte[] der = Base64.getDecoder().decode(AlipayKeys.pemBody(keys.appPrivateKeyFile()));
        appKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    @AfterContainer
    static void removeKeys() throws IOException {
        try (var files = Files.list(dir)) {
            files.forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.delete(dir);
    }

    @Property(tries = 150)
    void arbitraryInputAlwaysGetsASignedJsonAnswer(@ForAll("wireText") String query, @ForAll byte[] body) {
        Fixture fixture = new Fixture();
        AlipayGateway gateway = new AlipayGateway(fixture.sandbox.alipay(), fixture.sandbox.merchants(), keys);

        WireAnswer answer = gateway.handle(query, body);

        assertSignedJson(answer);
    }

    @Property(tries = 120)
    void aSignedRequestWithArbitraryBizContentIsAnsweredWithAnAlipayCode(
            @ForAll("method") String method, @ForAll("bizContent") String bizContent) {
        Fixture fixture = new Fixture();
        AlipayGateway gateway = new AlipayGateway(fixture.sandbox.alipay(), fixture.sandbox.merchants(), keys);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("app_id", Fixture.APP_ID);
        parameters.put("method", method);
        parameters.put("charset", "utf-8");
        parameters.put("sign_type", "RSA2");
        parameters.put("timestamp", "2026-11-23 10:00:00");
        parameters.put("version", "1.0");
        parameters.put("biz_content", bizContent);
        parameters.put("sign", Rsa2.sign(Rsa2.signContent(parameters), appKey, StandardCharsets.UTF_8));
        String form = parameters.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));

        JsonNode node = assertSignedJson(gateway.handle(null, form.getBytes(StandardCharsets.UTF_8)))
                .get(method.replace('.', '_') + "_response");

        assertThat(node.get("code").asText()).isIn("10000", "10003", "20000", "40004");
    }

    private JsonNode assertSignedJson(WireAnswer answer) {
        assertThat(answer).isInstanceOf(WireAnswer.Body.class);
        String body = ((WireAnswer.Body) answer).text();
        try {
            JsonNode document = json.readTree(body);
            String sign = document.get("sign").asText();
            String node = body.substring(body.indexOf(':') + 1, body.lastIndexOf(",\"sign\":"));
            assertThat(Rsa2.verify(node, sign, keys.sandboxPublicKey(), StandardCharsets.UTF_8)).isTrue();
            return document;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    @Provide
    Arbitrary<String> wireText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("%&=+abcdefgsignmethod_.0123456789").ofMaxLength(80),
                Arbitraries.of("method=alipay.trade.pay&app_id=" + Fixture.APP_ID + "&sign_type=RSA2&sign=AAAA"
                        + "&timestamp=2026-11-23%2010:00:00&version=1.0", "charset=%zz", "charset=UTF-16"));
    }

    @Provide
    Arbitrary<String> method() {
        return Arbitraries.of("alipay.trade.pay", "alipay.trade.query", "alipay.trade.cancel", "alipay.trade.refund");
    }

    @Provide
    Arbitrary<String> bizContent() {
        Arbitrary<String> field = Arbitraries.of("out_trade_no", "trade_no", "scene", "auth_code", "subject",
                "total_amount", "refund_amount", "out_request_no", "disable_pay_channels", "extend_params",
                "product_code");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(this::quoted),
                Arbitraries.of("\"bar_code\"", "\"0.01\"", "\"100000000.01\"", "-1", "12.345", "null", "true",
                        "{\"hb_fq_num\":\"3\",\"hb_fq_seller_percent\":\"7\"}", "[1,2]", "\"pcredit,nosuch\""));
        Arbitrary<String> objects = Arbitraries.maps(field, value).ofMaxSize(8).map(map -> map.entrySet().stream()
                .map(e -> quoted(e.getKey()) + ":" + e.getValue()).collect(Collectors.joining(",", "{", "}")));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, objects),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("not json", "[]", "{", "")));
    }

    private String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
