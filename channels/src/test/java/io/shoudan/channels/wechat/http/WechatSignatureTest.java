package io.shoudan.channels.wechat.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WechatSignatureTest {

    /** WeChat's documented example (API v2 安全规范): the HMAC-SHA256 sign of these fields with this key. */
    @Test
    void signsWechatsDocumentedExample() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appid", "wxd930ea5d5a258f4f");
        fields.put("mch_id", "10000100");
        fields.put("device_info", "1000");
        fields.put("body", "test");
        fields.put("nonce_str", "ibuaiVcKdpRxkhJA");

        assertThat(WechatSignature.stringA(fields))
                .isEqualTo("appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA");
        assertThat(WechatSignature.sign(fields, "192006250b4c09247ec02edce69f6a2d"))
                .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    }

    @Test
    void emptyAndBlankValuesAndTheSignItselfAreNotSigned() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("b", "2");
        fields.put("a", "1");
        fields.put("empty", "");
        fields.put("blank", "  ");
        fields.put("sign", "X");
        assertThat(WechatSignature.stringA(fields)).isEqualTo("a=1&b=2");
    }

    @Test
    void aChangedFieldOrAMissingSignDoesNotVerify() {
        String key = "192006250b4c09247ec02edce69f6a2d";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "SUCCESS");
        fields.put("result_code", "SUCCESS");
        fields.put("total_fee", "100");
        assertThat(WechatSignature.verifies(fields, key)).isFalse();
        fields.put("sign", WechatSignature.sign(fields, key));
        assertThat(WechatSignature.verifies(fields, key)).isTrue();
        fields.put("total_fee", "1");
        assertThat(WechatSignature.verifies(fields, key)).isFalse();
    }

    @Test
    void xmlRoundTripsAndRefusesDoctypes() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", "咖啡 ]]> <tag>");
        fields.put("total_fee", "880");
        assertThat(WechatXml.parse(WechatXml.write(fields).getBytes(StandardCharsets.UTF_8))).contains(fields);
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><a>&x;</a></xml>";
        assertThat(WechatXml.parse(evil.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(WechatXml.parse("not xml".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(WechatXml.parse("<html><a>1</a></html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
