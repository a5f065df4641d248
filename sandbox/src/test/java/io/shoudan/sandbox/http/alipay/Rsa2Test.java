package io.shoudan.sandbox.http.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class Rsa2Test {

    private static final KeyPair KEYS = generate();

    @Test
    void theSignedStringDropsSignAndEmptyValuesSortsByKeyAndKeepsValuesUnencoded() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("timestamp", "2026-11-23 10:00:00");
        parameters.put("sign", "ignored");
        parameters.put("sign_type", "RSA2");
        parameters.put("app_id", "2021000000000001");
        parameters.put("notify_url", "");
        parameters.put("biz_content", "{\"subject\":\"a&b=c 咖啡\"}");
        parameters.put("method", "alipay.trade.pay");

        assertThat(Rsa2.signContent(parameters)).isEqualTo("app_id=2021000000000001"
                + "&biz_content={\"subject\":\"a&b=c 咖啡\"}&method=alipay.trade.pay&sign_type=RSA2"
                + "&timestamp=2026-11-23 10:00:00");
    }

    @Test
    void keysSortByAsciiSoUpperCaseComesBeforeLowerCaseAndUnderscoreBetween() {
        assertThat(Rsa2.signContent(Map.of("b", "1", "B", "2", "a_b", "3", "ab", "4")))
                .isEqualTo("B=2&a_b=3&ab=4&b=1");
    }

    @Test
    void garbageInsteadOfASignatureDoesNotVerify() {
        assertThat(Rsa2.verify("x", "not base64 at all!!", KEYS.getPublic(), StandardCharsets.UTF_8)).isFalse();
        assertThat(Rsa2.verify("x", "", KEYS.getPublic(), StandardCharsets.UTF_8)).isFalse();
    }

    @Property(tries = 40)
    void aSignatureVerifiesForItsTextAndForNoOtherText(@ForAll @StringLength(max = 200) String text,
                                                       @ForAll @IntRange(max = 199) int position) {
        String sign = Rsa2.sign(text, KEYS.getPrivate(), StandardCharsets.UTF_8);
        assertThat(Rsa2.verify(text, sign, KEYS.getPublic(), StandardCharsets.UTF_8)).isTrue();
        String other = text.isEmpty() ? "x" : text.substring(0, position % text.length())
                + (char) (text.charAt(position % text.length()) + 1) + text.substring(position % text.length() + 1);
        assertThat(Rsa2.verify(other, sign, KEYS.getPublic(), StandardCharsets.UTF_8)).isFalse();
        assertThat(Rsa2.verify(text, AlipayGateway.corrupt(sign), KEYS.getPublic(), StandardCharsets.UTF_8)).isFalse();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
