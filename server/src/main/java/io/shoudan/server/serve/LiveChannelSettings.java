package io.shoudan.server.serve;

import io.shoudan.channels.alipay.sdk.AlipayConfiguration;
import io.shoudan.channels.wechat.http.WechatConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and checks a live node's channel accounts from the environment, before anything else starts: a setting
 * missing, a key file unreadable or a key that is not one stops the start with one line, in English and Chinese,
 * naming the setting (never the key).
 *
 * <p>Alipay (wired when any {@code SHOUDAN_ALIPAY_*} is set): {@code SHOUDAN_ALIPAY_APP_ID}; the app's RSA private
 * key (PKCS#8) in {@code SHOUDAN_ALIPAY_PRIVATE_KEY_FILE} or {@code SHOUDAN_ALIPAY_PRIVATE_KEY}; Alipay's public key
 * (X.509) in {@code SHOUDAN_ALIPAY_PUBLIC_KEY_FILE} or {@code SHOUDAN_ALIPAY_PUBLIC_KEY}; {@code SHOUDAN_ALIPAY_GATEWAY}
 * (default Alipay's production gateway). WeChat Pay (wired when any {@code SHOUDAN_WECHAT_*} is set):
 * {@code SHOUDAN_WECHAT_MCH_ID}, {@code SHOUDAN_WECHAT_APPID}, the API key in {@code SHOUDAN_WECHAT_API_KEY_FILE} or
 * {@code SHOUDAN_WECHAT_API_KEY}, {@code SHOUDAN_WECHAT_URL} (default WeChat's production host). A file wins over
 * its variable. {@code SHOUDAN_UNIONPAY_HOST} is refused: Shoudan's UnionPay host link exists in process only (the
 * sandbox's host), there is no 8583 client for a network socket to give it to.
 */
final class LiveChannelSettings {

    static final String ALIPAY_APP_ID = "SHOUDAN_ALIPAY_APP_ID";
    static final String ALIPAY_PRIVATE_KEY = "SHOUDAN_ALIPAY_PRIVATE_KEY";
    static final String ALIPAY_PUBLIC_KEY = "SHOUDAN_ALIPAY_PUBLIC_KEY";
    static final String ALIPAY_GATEWAY = "SHOUDAN_ALIPAY_GATEWAY";
    static final String WECHAT_MCH_ID = "SHOUDAN_WECHAT_MCH_ID";
    static final String WECHAT_APPID = "SHOUDAN_WECHAT_APPID";
    static final String WECHAT_API_KEY = "SHOUDAN_WECHAT_API_KEY";
    static final String WECHAT_URL = "SHOUDAN_WECHAT_URL";
    static final String UNIONPAY_HOST = "SHOUDAN_UNIONPAY_HOST";
    private static final String FILE = "_FILE";

    private final Map<String, String> environment;

    private LiveChannelSettings(Map<String, String> environment) {
        this.environment = environment;
    }

    static ChannelsConfiguration.Live read(Map<String, String> environment, long seed) {
        LiveChannelSettings settings = new LiveChannelSettings(environment);
        if (settings.given(UNIONPAY_HOST)) {
            throw new IllegalArgumentException(UNIONPAY_HOST + ": a live UnionPay host is not supported — Shoudan's UnionPay"
                    + " host link runs in process against the sandbox only, it has no ISO 8583 client for the network's socket;"
                    + " unset it (card payments are then refused as UnionPay not connected) / 暂不支持真实银联主机：银联主机链路"
                    + "只在进程内连接沙箱，尚无连接银联网络的 8583 客户端；请去掉该设置（银行卡交易将以银联未连接拒绝）");
        }
        Optional<AlipayConfiguration> alipay = settings.anyGiven("SHOUDAN_ALIPAY_") ? Optional.of(settings.alipay()) : Optional.empty();
        Optional<WechatConfiguration> wechat = settings.anyGiven("SHOUDAN_WECHAT_") ? Optional.of(settings.wechat()) : Optional.empty();
        if (alipay.isEmpty() && wechat.isEmpty()) {
            throw new IllegalArgumentException(ChannelsConfiguration.VARIABLE + "=live: no channel configured; set "
                    + ALIPAY_APP_ID + " and its keys, or " + WECHAT_MCH_ID + " and its key (docs/SERVE.md, \"Channels\")"
                    + " / 未配置任何真实渠道：请设置支付宝或微信支付的账号与密钥");
        }
        return new ChannelsConfiguration.Live(seed, alipay, wechat);
    }

    private AlipayConfiguration alipay() {
        String appId = required(ALIPAY_APP_ID, "the Alipay app id", "支付宝应用 app_id");
        Secret privateKey = secret(ALIPAY_PRIVATE_KEY, "the Alipay app private key", "支付宝应用私钥", AlipayConfiguration::pemBody);
        Secret publicKey = secret(ALIPAY_PUBLIC_KEY, "Alipay's public key", "支付宝公钥", AlipayConfiguration::pemBody);
        requireRsaKey(privateKey, PKCS8EncodedKeySpec::new, true);
        requireRsaKey(publicKey, X509EncodedKeySpec::new, false);
        URI gateway = url(ALIPAY_GATEWAY, AlipayConfiguration.PRODUCTION_GATEWAY);
        try {
            return new AlipayConfiguration(gateway, appId, privateKey.value(), publicKey.value(),
                    AlipayConfiguration.DEFAULT_CONNECT_TIMEOUT, AlipayConfiguration.DEFAULT_READ_TIMEOUT);
        } catch (IllegalArgumentException refused) {
            String setting = refused.getMessage().contains("app_id") ? ALIPAY_APP_ID : ALIPAY_GATEWAY;
            throw new IllegalArgumentException(setting + ": " + refused.getMessage() + " / 支付宝设置 " + setting + " 有误");
        }
    }

    private WechatConfiguration wechat() {
        String mchId = required(WECHAT_MCH_ID, "the WeChat Pay merchant number (mch_id)", "微信支付商户号 mch_id");
        String appid = required(WECHAT_APPID, "the WeChat appid", "微信 appid");
        Secret apiKey = secret(WECHAT_API_KEY, "the WeChat Pay API key", "微信支付 API 密钥", LiveChannelSettings::firstLine);
        URI url = url(WECHAT_URL, WechatConfiguration.PRODUCTION);
        try {
            return new WechatConfiguration(url, mchId, appid, apiKey.value(), WechatConfiguration.DEFAULT_CONNECT_TIMEOUT,
                    WechatConfiguration.DEFAULT_READ_TIMEOUT);
        } catch (IllegalArgumentException refused) {
            String message = refused.getMessage();
            String setting = message.contains("API key") ? apiKey.setting()
                    : message.contains("mch_id") ? WECHAT_MCH_ID : message.contains("appid") ? WECHAT_APPID : WECHAT_URL;
            throw new IllegalArgumentException(setting + ": " + message + " / 微信支付设置 " + setting + " 有误");
        }
    }

    /** A key and the setting it came from (the file's variable and path, or the variable). Never printed. */
    private record Secret(String value, String setting) {
        @Override
        public String toString() {
            return "Secret[" + setting + "]";
        }
    }

    private Secret secret(String variable, String what, String whatZh, Function<Path, String> readFile) {
        String file = environment.get(variable + FILE);
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file.trim());
            String setting = variable + FILE + " " + path;
            try {
                return new Secret(readFile.apply(path), setting);
            } catch (UncheckedIOException unreadable) {
                throw new IllegalArgumentException(setting + ": cannot read " + what + " (" + unreadable.getCause().getClass().getSimpleName()
                        + ") / 无法读取" + whatZh + "文件");
            }
        }
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + FILE + " or " + variable + ": " + what + " is missing / 缺少" + whatZh
                    + "（" + variable + FILE + " 或 " + variable + "）");
        }
        return new Secret(value.strip(), variable);
    }

    private static void requireRsaKey(Secret key, Function<byte[], KeySpec> spec, boolean isPrivate) {
        String what = isPrivate ? "not an RSA private key (PKCS#8, Base64)" : "not an RSA public key (X.509, Base64)";
        String whatZh = isPrivate ? "不是 RSA 私钥（PKCS#8，Base64）" : "不是 RSA 公钥（X.509，Base64）";
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            KeySpec decoded = spec.apply(Base64.getDecoder().decode(key.value()));
            if (isPrivate) {
                rsa.generatePrivate(decoded);
            } else {
                rsa.generatePublic(decoded);
            }
        } catch (IllegalArgumentException | GeneralSecurityException notAKey) {
            throw new IllegalArgumentException(key.setting() + ": " + what + " / " + whatZh);
        }
    }

    private String required(String variable, String what, String whatZh) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + ": " + what + " is missing / 缺少" + whatZh);
        }
        return value.strip();
    }

    private URI url(String variable, URI production) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return production;
        }
        try {
            return URI.create(value.strip());
        } catch (IllegalArgumentException notAUrl) {
            throw new IllegalArgumentException(variable + ": \"" + value.strip() + "\" is not a URL / 不是有效的网址");
        }
    }

    private boolean given(String variable) {
        String value = environment.get(variable);
        return value != null && !value.isBlank();
    }

    private boolean anyGiven(String prefix) {
        return environment.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix) && !e.getValue().isBlank());
    }

    private static String firstLine(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
