package io.shoudan.sandbox.http.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import io.shoudan.sandbox.http.SandboxServer;

/** The official SDK's client, configured from the key files the sandbox wrote. */
final class SdkClients {

    private SdkClients() {
    }

    static DefaultAlipayClient official(SandboxServer server, String appId) throws AlipayApiException {
        return official(server, appId, AlipayKeys.pemBody(server.alipayKeys().appPrivateKeyFile()), 15_000);
    }

    static DefaultAlipayClient official(SandboxServer server, String appId, String appPrivateKey, int readTimeoutMs)
            throws AlipayApiException {
        // The SDK logs every call with its full parameters through java.util.logging; the tests read
        // the answers instead.
        com.alipay.api.internal.util.AlipayLogger.setNeedEnableLogger(false);
        AlipayConfig config = new AlipayConfig();
        config.setServerUrl(server.alipayGatewayUrl());
        config.setAppId(appId);
        config.setPrivateKey(appPrivateKey);
        config.setAlipayPublicKey(AlipayKeys.pemBody(server.alipayKeys().alipayPublicKeyFile()));
        config.setFormat("json");
        config.setCharset("UTF-8");
        config.setSignType("RSA2");
        config.setConnectTimeout(5_000);
        config.setReadTimeout(readTimeoutMs);
        return new DefaultAlipayClient(config);
    }
}
