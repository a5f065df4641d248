package io.shoudan.sandbox.http.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * WeChat Pay v2 signing against the worked example of WeChat's own documentation (安全规范 / 签名算法):
 * appid wxd930ea5d5a258f4f, mch_id 10000100, device_info 1000, body test, nonce_str ibuaiVcKdpRxkhJA,
 * key 192006250b4c09247ec02edce69f6a2d.
 */
class WechatSignTest {

    private static final String KEY = "192006250b4c09247ec02edce69f6a2d";

    private static Map<String, String> documented() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("appid", "wxd930ea5d5a258f4f");
        parameters.put("mch_id", "10000100");
        parameters.put("device_info", "1000");
        parameters.put("body", "test");
        parameters.put("nonce_str", "ibuaiVcKdpRxkhJA");
        return parameters;
    }

    @Test
    void stringAIsTheSortedNonEmptyParameters() {
        assertThat(WechatSign.stringA(documented()))
                .isEqualTo("appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA");
    }

    @Test
    void md5MatchesTheDocumentedExample() {
        assertThat(WechatSign.MD5.sign(documented(), KEY)).isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
    }

    @Test
    void hmacSha256MatchesTheDocumentedExample() {
        assertThat(WechatSign.HMAC_SHA256.sign(documented(), KEY))
                .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    }

    @Test
    void signEmptyAndBlankValuesAreLeftOutOfTheSignedString() {
        Map<String, String> parameters = documented();
        parameters.put("sign", "ANYTHING");
        parameters.put("attach", "");
        parameters.put("detail", "   ");

        assertThat(WechatSign.HMAC_SHA256.sign(parameters, KEY))
                .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    }

    @Test
    void anAbsentSignTypeMeansMd5AndAnUnknownOneIsRefused() {
        assertThat(WechatSign.ofRequest(null)).contains(WechatSign.MD5);
        assertThat(WechatSign.ofRequest("HMAC-SHA256")).contains(WechatSign.HMAC_SHA256);
        assertThat(WechatSign.ofRequest("SHA1")).isEmpty();
    }

    @Property(tries = 100)
    void theSignDoesNotDependOnParameterOrderButOnEveryValue(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String body,
                                                             @ForAll @NumericChars @StringLength(min = 1, max = 10) String fee) {
        Map<String, String> forward = documented();
        forward.put("body", body);
        forward.put("total_fee", fee);
        Map<String, String> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.putAll(forward);
        String sign = WechatSign.HMAC_SHA256.sign(forward, KEY);

        assertThat(WechatSign.HMAC_SHA256.sign(reversed, KEY)).isEqualTo(sign);
        forward.put("sign", sign);
        assertThat(WechatSign.HMAC_SHA256.verify(forward, KEY)).isTrue();
        forward.put("total_fee", fee + "0");
        assertThat(WechatSign.HMAC_SHA256.verify(forward, KEY)).isFalse();
    }
}
