package io.shoudan.server.serve;

import io.shoudan.method.Channel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code SHOUDAN_CHANNELS=live}: every setting read and checked at start, a refusal on one line naming the setting. */
class LiveChannelSettingsTest {

    private static final String API_KEY = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6";
    private static KeyPair appKeys;
    private static KeyPair alipayKeys;

    @TempDir
    static Path dir;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException, IOException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        appKeys = rsa.generateKeyPair();
        alipayKeys = rsa.generateKeyPair();
        Files.writeString(dir.resolve("app_private_key.pem"), pem("PRIVATE KEY", appKeys.getPrivate().getEncoded()));
        Files.writeString(dir.resolve("alipay_public_key.pem"), pem("PUBLIC KEY", alipayKeys.getPublic().getEncoded()));
        Files.writeString(dir.resolve("wechat.api_key"), API_KEY + "\n");
        Files.writeString(dir.resolve("not-a-key.pem"), pem("PRIVATE KEY", new byte[300]));
    }

    static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + kind + "-----\n";
    }

    /** Every live setting, keys from files; {@code gateway} and {@code wechatUrl} where the channels listen. */
    static Map<String, String> complete(Path keys, String gateway, String wechatUrl, String wechatKeyFile) {
        Map<String, String> env = new HashMap<>();
        env.put("SHOUDAN_CHANNELS", "live");
        env.put("SHOUDAN_ALIPAY_APP_ID", "2021000000000001");
        env.put("SHOUDAN_ALIPAY_PRIVATE_KEY_FILE", keys.resolve("app_private_key.pem").toString());
        env.put("SHOUDAN_ALIPAY_PUBLIC_KEY_FILE", keys.resolve("alipay_public_key.pem").toString());
        env.put("SHOUDAN_ALIPAY_GATEWAY", gateway);
        env.put("SHOUDAN_WECHAT_MCH_ID", "1900000001");
        env.put("SHOUDAN_WECHAT_APPID", "wx2421b1c4370ec43b");
        env.put("SHOUDAN_WECHAT_API_KEY_FILE", wechatKeyFile);
        env.put("SHOUDAN_WECHAT_URL", wechatUrl);
        return env;
    }

    private static Map<String, String> complete() {
        return complete(dir, "https://openapi.alipay.com/gateway.do", "https://api.mch.weixin.qq.com",
                dir.resolve("wechat.api_key").toString());
    }

    @Test
    void aCompleteLiveConfigurationWiresAlipayAndWechatButNeverUnionPayAndPrintsNoKey() {
        ChannelsConfiguration.Live live = (ChannelsConfiguration.Live) ChannelsConfiguration.resolve(complete(), 42);

        assertThat(live.wired()).containsExactlyInAnyOrder(Channel.ALIPAY, Channel.WECHAT);
        assertThat(live.seed()).isEqualTo(42);
        assertThat(live.alipay().orElseThrow().appId()).isEqualTo("2021000000000001");
        assertThat(live.alipay().orElseThrow().appPrivateKey()).isEqualTo(Base64.getEncoder().encodeToString(appKeys.getPrivate().getEncoded()));
        assertThat(live.wechat().orElseThrow().apiKey()).isEqualTo(API_KEY);
        assertThat(live.toString()).doesNotContain(API_KEY).doesNotContain(live.alipay().orElseThrow().appPrivateKey());
    }

    @Test
    void onlyAlipayConfiguredWiresOnlyAlipayWithItsProductionGatewayByDefault() {
        Map<String, String> env = complete();
        env.keySet().removeIf(name -> name.startsWith("SHOUDAN_WECHAT_") || name.equals("SHOUDAN_ALIPAY_GATEWAY"));

        ChannelsConfiguration.Live live = (ChannelsConfiguration.Live) ChannelsConfiguration.resolve(env, 42);

        assertThat(live.wired()).containsExactly(Channel.ALIPAY);
        assertThat(live.alipay().orElseThrow().gatewayUrl()).hasToString("https://openapi.alipay.com/gateway.do");
    }

    @Test
    void aLiveConfigurationWhoseKeyFileIsMissingIsRefusedOnOneLineNamingTheSettingInEnglishAndChinese() {
        Map<String, String> env = complete();
        Path missing = dir.resolve("gone/app_private_key.pem");
        env.put("SHOUDAN_ALIPAY_PRIVATE_KEY_FILE", missing.toString());

        assertThatThrownBy(() -> ChannelsConfiguration.resolve(env, 42)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SHOUDAN_ALIPAY_PRIVATE_KEY_FILE " + missing + ": cannot read the Alipay app private key"
                        + " (NoSuchFileException) / 无法读取支付宝应用私钥文件");
    }

    @ParameterizedTest(name = "{0} set to \"{1}\" is refused, naming {2}")
    @CsvSource(delimiter = '|', value = {
            // setting changed                  | value          | the refusal starts with                                         | and says (Chinese)
            "SHOUDAN_ALIPAY_APP_ID              |                | SHOUDAN_ALIPAY_APP_ID: the Alipay app id is missing               | 缺少支付宝应用 app_id",
            "SHOUDAN_ALIPAY_APP_ID              | app/1          | SHOUDAN_ALIPAY_APP_ID: \"app/1\" is not an Alipay app_id          | 支付宝设置",
            "SHOUDAN_ALIPAY_GATEWAY             | ftp://x/g      | SHOUDAN_ALIPAY_GATEWAY: the Alipay gateway must be an http(s) URL | 支付宝设置",
            "SHOUDAN_WECHAT_MCH_ID              |                | SHOUDAN_WECHAT_MCH_ID: the WeChat Pay merchant number (mch_id) is missing | 缺少微信支付商户号",
            "SHOUDAN_WECHAT_APPID               |                | SHOUDAN_WECHAT_APPID: the WeChat appid is missing                 | 缺少微信 appid",
    })
    void anAccountIdOrUrlMissingOrMalformedIsRefusedOnOneLineNamingIt(String setting, String value, String startsWith, String chinese)
            throws IOException {
        aLiveSettingMissingOrUnusableIsRefusedOnOneLineNamingIt(setting, value, startsWith, chinese);
    }

    @ParameterizedTest(name = "{0} set to \"{1}\" is refused, naming {2}")
    @CsvSource(delimiter = '|', value = {
            "SHOUDAN_ALIPAY_PRIVATE_KEY_FILE    |                | SHOUDAN_ALIPAY_PRIVATE_KEY_FILE or SHOUDAN_ALIPAY_PRIVATE_KEY: the Alipay app private key is missing | 缺少支付宝应用私钥",
            "SHOUDAN_ALIPAY_PRIVATE_KEY_FILE    | NOT_A_KEY      | SHOUDAN_ALIPAY_PRIVATE_KEY_FILE                                   | 不是 RSA 私钥",
            "SHOUDAN_ALIPAY_PUBLIC_KEY_FILE     |                | SHOUDAN_ALIPAY_PUBLIC_KEY_FILE or SHOUDAN_ALIPAY_PUBLIC_KEY: Alipay's public key is missing | 缺少支付宝公钥",
            "SHOUDAN_WECHAT_API_KEY_FILE        | MISSING_FILE   | SHOUDAN_WECHAT_API_KEY_FILE                                       | 无法读取微信支付 API 密钥文件",
            "SHOUDAN_WECHAT_API_KEY_FILE        | SHORT_KEY      | SHOUDAN_WECHAT_API_KEY_FILE                                       | 微信支付设置",
    })
    void aKeyMissingUnreadableOrNotAKeyIsRefusedOnOneLineNamingItsSettingButNotTheKey(String setting, String value, String startsWith,
                                                                                      String chinese) throws IOException {
        aLiveSettingMissingOrUnusableIsRefusedOnOneLineNamingIt(setting, value, startsWith, chinese);
    }

    @Test
    void aLiveUnionPayHostIsRefusedSayingWhyForTheUnionPayLinkExistsInProcessOnly() throws IOException {
        aLiveSettingMissingOrUnusableIsRefusedOnOneLineNamingIt("SHOUDAN_UNIONPAY_HOST", "10.0.0.8:5000",
                "SHOUDAN_UNIONPAY_HOST: a live UnionPay host is not supported", "暂不支持真实银联主机");
    }

    private static void aLiveSettingMissingOrUnusableIsRefusedOnOneLineNamingIt(String setting, String value, String startsWith, String chinese)
            throws IOException {
        Map<String, String> env = complete();
        String given = switch (value == null ? "" : value) {
            case "NOT_A_KEY" -> dir.resolve("not-a-key.pem").toString();
            case "MISSING_FILE" -> dir.resolve("none.api_key").toString();
            case "SHORT_KEY" -> Files.writeString(dir.resolve("short.api_key"), "too-short").toString();
            default -> value;
        };
        if (given == null || given.isEmpty()) {
            env.remove(setting);
        } else {
            env.put(setting, given);
        }

        assertThatThrownBy(() -> ChannelsConfiguration.resolve(env, 42)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(refused -> assertThat(refused.getMessage()).startsWith(startsWith).contains(" / ").contains(chinese)
                        .doesNotContain("\n").doesNotContain(API_KEY)
                        .doesNotContain(Base64.getEncoder().encodeToString(appKeys.getPrivate().getEncoded()).substring(0, 40)));
    }

    @Test
    void liveWithNoChannelConfiguredIsRefusedRatherThanServingNothing() {
        assertThatThrownBy(() -> ChannelsConfiguration.resolve(Map.of("SHOUDAN_CHANNELS", "live"), 42))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SHOUDAN_CHANNELS=live: no channel configured").hasMessageContaining("未配置任何真实渠道");
    }
}
