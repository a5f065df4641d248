package io.shoudan.sandbox.http.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** Bytes from outside: whatever arrives, the parser answers "not a document" or the parameters. */
class WechatXmlProperties {

    @Property(tries = 300)
    void arbitraryBytesNeverThrow(@ForAll byte[] body) {
        assertThat(WechatXml.parse(body)).isNotNull();
    }

    @Property(tries = 200)
    void writtenParametersParseBackUnchanged(
            @ForAll @StringLength(max = 40) @CharRange(from = ' ', to = '~') @Chars({'咖', '啡', ']', '>'}) String body,
            @ForAll @StringLength(min = 1, max = 12) @CharRange(from = '0', to = '9') String fee) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("body", body);
        parameters.put("total_fee", fee);
        parameters.put("attach", "a]]>b<c&d");

        Map<String, String> parsed = WechatXml.parse(WechatXml.write(parameters).getBytes(StandardCharsets.UTF_8))
                .orElseThrow();

        assertThat(parsed).isEqualTo(parameters);
    }
}
