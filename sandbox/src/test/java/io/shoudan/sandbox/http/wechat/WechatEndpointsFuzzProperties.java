package io.shoudan.sandbox.http.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoudan.sandbox.Fixture;
import io.shoudan.sandbox.http.WireAnswer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Correctly signed requests with arbitrary fields reach the simulator and always come back as
 * WeChat XML with a return_code — and a verifiable sign whenever it is SUCCESS.
 */
class WechatEndpointsFuzzProperties {

    @Property(tries = 120)
    void signedArbitraryRequestsAreAlwaysAnsweredInWechatsOwnTerms(@ForAll("path") String path,
                                                                   @ForAll("fields") Map<String, String> fields)
            throws IOException {
        Path dir = Files.createTempDirectory("wechat-fuzz");
        Fixture fixture = new Fixture();
        WechatApiKeys keys = new WechatApiKeys(dir);
        WechatPayEndpoints endpoints = new WechatPayEndpoints(fixture.sandbox.wechat(), fixture.sandbox.merchants(), keys);
        String key = keys.obtain(Fixture.MCH_ID).orElseThrow();
        Map<String, String> request = new LinkedHashMap<>(fields);
        request.put("mch_id", Fixture.MCH_ID);
        request.put("nonce_str", "fuzz");
        request.put("sign_type", "HMAC-SHA256");
        request.put("sign", WechatSign.HMAC_SHA256.sign(request, key));
        byte[] body = WechatXml.write(request).getBytes(StandardCharsets.UTF_8);

        WireAnswer answer = switch (path) {
            case "micropay" -> endpoints.micropay(body);
            case "orderquery" -> endpoints.orderQuery(body);
            case "reverse" -> endpoints.reverse(body);
            default -> endpoints.refund(body);
        };

        assertThat(answer).isInstanceOf(WireAnswer.Body.class);
        Map<String, String> parsed = WechatXml.parse(((WireAnswer.Body) answer).text().getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(parsed.get("return_code")).isIn("SUCCESS", "FAIL");
        if ("SUCCESS".equals(parsed.get("return_code"))) {
            assertThat(parsed.get("result_code")).isIn("SUCCESS", "FAIL");
            assertThat(WechatSign.HMAC_SHA256.verify(parsed, key)).isTrue();
        }
        Files.deleteIfExists(dir.resolve(Fixture.MCH_ID + ".api_key"));
        Files.delete(dir);
    }

    @Provide
    Arbitrary<String> path() {
        return Arbitraries.of("micropay", "orderquery", "reverse", "refund");
    }

    @Provide
    Arbitrary<Map<String, String>> fields() {
        Arbitrary<String> name = Arbitraries.of("appid", "body", "out_trade_no", "total_fee", "auth_code", "limit_pay",
                "transaction_id", "out_refund_no", "refund_fee", "fee_type", "device_info");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(24),
                Arbitraries.of("0", "-1", "1", "99999999999", "134567890123456789", "no_credit", "CNY", "1.5"));
        return Arbitraries.maps(name, value).ofMaxSize(8);
    }
}
