package io.shoudan.channels.wechat.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom {@link HttpWechatTransport} talks to WeChat Pay API v2.
 *
 * @param baseUrl        {@code https://api.mch.weixin.qq.com} in production; the sandbox's
 *                       {@code http://127.0.0.1:PORT} by default (paths {@code /pay/micropay} … are appended)
 * @param mchId          the merchant number (商户号) whose API key this is; every request is signed with it
 * @param appid          the appid bound to that merchant number
 * @param apiKey         the merchant's 32-character API key (商户API密钥) for HMAC-SHA256; never printed
 * @param connectTimeout TCP connect limit
 * @param readTimeout    limit for the whole answer; keep it at or below the adapter's {@code ChannelCalls} timeout
 */
public record WechatConfiguration(URI baseUrl, String mchId, String appid, String apiKey, Duration connectTimeout,
                                  Duration readTimeout) {

    public static final URI PRODUCTION = URI.create("https://api.mch.weixin.qq.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(8);

    public WechatConfiguration {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("the WeChat Pay base URL must be an http(s) URL, got " + baseUrl);
        }
        if (mchId == null || !mchId.matches("[0-9]{1,32}")) {
            throw new IllegalArgumentException("\"" + mchId + "\" is not a WeChat mch_id (digits)");
        }
        if (appid == null || !appid.matches("[0-9A-Za-z_]{1,32}")) {
            throw new IllegalArgumentException("\"" + appid + "\" is not a WeChat appid");
        }
        // WeChat's keys are 32 characters; the length is checked, the value never shown.
        if (apiKey == null || !apiKey.matches("[\\x21-\\x7e]{32}")) {
            throw new IllegalArgumentException("the WeChat API key must be 32 printable characters");
        }
        for (Duration timeout : new Duration[] {connectTimeout, readTimeout}) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() < 1) {
                throw new IllegalArgumentException("timeouts must be at least 1 ms, got " + timeout);
            }
        }
    }

    /** Production: WeChat's API host, default timeouts. */
    public static WechatConfiguration production(String mchId, String appid, String apiKey) {
        return new WechatConfiguration(PRODUCTION, mchId, appid, apiKey, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /** The sandbox at {@code baseUrl}, with the key it wrote to {@code DIR/wechat/<mch_id>.api_key}. */
    public static WechatConfiguration sandbox(URI baseUrl, String mchId, String appid, String apiKey) {
        return new WechatConfiguration(baseUrl, mchId, appid, apiKey, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public WechatConfiguration withTimeouts(Duration connect, Duration read) {
        return new WechatConfiguration(baseUrl, mchId, appid, apiKey, connect, read);
    }

    /** An endpoint under the base URL, e.g. {@code /pay/micropay}. */
    URI endpoint(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "WechatConfiguration[baseUrl=" + baseUrl + ", mchId=" + mchId + ", appid=" + appid + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
