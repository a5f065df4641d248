package io.shoudan.sandbox.http.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.request.AlipayTradePayRequest;
import io.shoudan.sandbox.http.SandboxServer;

/** Lets tests of other packages use the official client the way the Alipay tests do. */
public final class AdminSdkBridge {

    private AdminSdkBridge() {
    }

    public static DefaultAlipayClient client(SandboxServer server, String appId) throws AlipayApiException {
        return SdkClients.official(server, appId);
    }

    public static AlipayTradePayRequest pay(String outTradeNo, String authCode, String amount) {
        return AlipaySdkRoundTripTest.payRequest(outTradeNo, authCode, amount, null);
    }
}
