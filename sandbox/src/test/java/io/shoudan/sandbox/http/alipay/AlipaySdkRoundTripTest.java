package io.shoudan.sandbox.http.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alipay.api.AlipayApiException;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradePayModel;
import com.alipay.api.request.AlipayTradeCancelRequest;
import com.alipay.api.request.AlipayTradePayRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradeCancelResponse;
import com.alipay.api.response.AlipayTradePayResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.sandbox.Fixture;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.fault.Operation;
import io.shoudan.sandbox.http.RunningSandbox;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official {@code alipay-sdk-java} client, configured only with the sandbox's URL and the key
 * files it wrote, talks to the sandbox: its requests pass the gateway's RSA2 check and the gateway's
 * answers pass the SDK's own signature verification (it throws "sign check fail" otherwise).
 */
class AlipaySdkRoundTripTest {

    @TempDir
    Path dataDir;

    private RunningSandbox running;
    private DefaultAlipayClient client;
    private ConsumerId ann;

    @BeforeEach
    void start() throws AlipayApiException {
        running = new RunningSandbox(dataDir);
        ann = running.fixture.register(Fixture.wellOff("ann", "6222020000000000001")).id();
        client = SdkClients.official(running.server, Fixture.APP_ID);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void theOfficialSdkPaysQueriesRefundsAndCancelsAndVerifiesEverySignature() throws AlipayApiException {
        AlipayTradePayResponse paid = client.execute(payRequest("SDK-1", code(), "12.34", null));

        assertThat(paid.isSuccess()).isTrue();
        assertThat(paid.getCode()).isEqualTo("10000");
        assertThat(paid.getTradeNo()).hasSize(28);
        assertThat(paid.getOutTradeNo()).isEqualTo("SDK-1");
        assertThat(paid.getTotalAmount()).isEqualTo("12.34");
        assertThat(paid.getReceiptAmount()).isEqualTo("12.34");
        assertThat(paid.getBuyerLogonId()).contains("****");
        assertThat(paid.getGmtPayment()).isNotNull();
        assertThat(paid.getFundBillList()).singleElement()
                .satisfies(bill -> assertThat(bill.getAmount()).isEqualTo("12.34"))
                .satisfies(bill -> assertThat(bill.getFundChannel()).isEqualTo("ALIPAYACCOUNT"));

        AlipayTradeQueryRequest query = new AlipayTradeQueryRequest();
        query.setBizContent("{\"out_trade_no\":\"SDK-1\"}");
        AlipayTradeQueryResponse queried = client.execute(query);
        assertThat(queried.isSuccess()).isTrue();
        assertThat(queried.getTradeStatus()).isEqualTo("TRADE_SUCCESS");
        assertThat(queried.getTradeNo()).isEqualTo(paid.getTradeNo());

        AlipayTradeRefundRequest refund = new AlipayTradeRefundRequest();
        refund.setBizContent("{\"out_trade_no\":\"SDK-1\",\"refund_amount\":\"2.34\",\"out_request_no\":\"R1\"}");
        AlipayTradeRefundResponse refunded = client.execute(refund);
        assertThat(refunded.isSuccess()).isTrue();
        assertThat(refunded.getFundChange()).isEqualTo("Y");
        assertThat(refunded.getRefundFee()).isEqualTo("2.34");

        AlipayTradeCancelRequest cancel = new AlipayTradeCancelRequest();
        cancel.setBizContent("{\"out_trade_no\":\"SDK-1\"}");
        AlipayTradeCancelResponse cancelled = client.execute(cancel);
        assertThat(cancelled.isSuccess()).isTrue();
        assertThat(cancelled.getAction()).isEqualTo("refund");
        assertThat(cancelled.getRetryFlag()).isEqualTo("N");

        assertThat(client.execute(query).getTradeStatus()).isEqualTo("TRADE_CLOSED");
        assertThat(running.fixture.sandbox.fundsTotal()).isEqualTo(running.fixture.registeredFunds);
    }

    @Test
    void aTamperedResponseSignatureMakesTheSdksVerificationFail() throws AlipayApiException {
        assertThat(client.execute(payRequest("SDK-T", code(), "10.00", null)).isSuccess()).isTrue();
        running.fixture.sandbox.faults().add(
                FaultRule.always(Channel.ALIPAY, new Fault.TamperSignature()).onlyFor(Operation.QUERY));
        AlipayTradeQueryRequest query = new AlipayTradeQueryRequest();
        query.setBizContent("{\"out_trade_no\":\"SDK-T\"}");

        assertThatThrownBy(() -> client.execute(query))
                .isInstanceOf(AlipayApiException.class)
                .hasMessageContaining("sign check fail");

        running.fixture.sandbox.faults().clear();
        assertThat(client.execute(query).getTradeStatus()).isEqualTo("TRADE_SUCCESS");
    }

    @Test
    void aRequestSignedWithAnotherKeyIsRefusedWith40002InvalidSignature() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String strangerKey = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        DefaultAlipayClient stranger = SdkClients.official(running.server, Fixture.APP_ID, strangerKey, 15_000);

        AlipayTradePayResponse refused = stranger.execute(payRequest("SDK-X", code(), "10.00", null));

        assertThat(refused.isSuccess()).isFalse();
        assertThat(refused.getCode()).isEqualTo("40002");
        assertThat(refused.getSubCode()).isEqualTo("isv.invalid-signature");
        assertThat(refused.getSubMsg()).contains("app_id=" + Fixture.APP_ID).contains("method=alipay.trade.pay");
        // Nothing reached the trade system.
        AlipayTradeQueryRequest query = new AlipayTradeQueryRequest();
        query.setBizContent("{\"out_trade_no\":\"SDK-X\"}");
        assertThat(client.execute(query).getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");
    }

    @Test
    void anUnknownAppIdIsRefusedByTheGatewayWith40002() throws AlipayApiException {
        DefaultAlipayClient unknownApp = SdkClients.official(running.server, "2021999999999999");

        AlipayTradePayResponse refused = unknownApp.execute(payRequest("SDK-A", code(), "10.00", null));

        assertThat(refused.getCode()).isEqualTo("40002");
        assertThat(refused.getSubCode()).isEqualTo("isv.invalid-app-id");
    }

    @Test
    void aLostResponseFailsTheCallButThePaymentHappenedAndAQueryFindsIt() throws AlipayApiException {
        running.fixture.sandbox.faults().add(
                FaultRule.always(Channel.ALIPAY, new Fault.ResponseLost()).onlyFor(Operation.PAY));

        assertThatThrownBy(() -> client.execute(payRequest("SDK-L", code(), "10.00", null)))
                .isInstanceOf(AlipayApiException.class);

        AlipayTradeQueryRequest query = new AlipayTradeQueryRequest();
        query.setBizContent("{\"out_trade_no\":\"SDK-L\"}");
        assertThat(client.execute(query).getTradeStatus()).isEqualTo("TRADE_SUCCESS");
    }

    @Test
    void huabeiInstallmentsTravelInExtendParamsAndComeBackInHbFqPayInfo() throws AlipayApiException {
        AlipayTradePayRequest request = payRequest("SDK-H", code(), "300.00", null);
        com.alipay.api.domain.ExtendParams extend = new com.alipay.api.domain.ExtendParams();
        extend.setHbFqNum("3");
        extend.setHbFqSellerPercent("100");
        ((AlipayTradePayModel) request.getBizModel()).setExtendParams(extend);

        AlipayTradePayResponse paid = client.execute(request);

        assertThat(paid.isSuccess()).isTrue();
        assertThat(paid.getBody()).contains("\"hb_fq_pay_info\":{\"user_install_num\":\"3\"");
        assertThat(Money.parse(paid.getReceiptAmount())).isEqualTo(Money.parse("300.00"));
    }

    private String code() {
        return running.fixture.code(ann, Channel.ALIPAY);
    }

    static AlipayTradePayRequest payRequest(String outTradeNo, String authCode, String amount, String disabled) {
        AlipayTradePayModel model = new AlipayTradePayModel();
        model.setOutTradeNo(outTradeNo);
        model.setScene("bar_code");
        model.setAuthCode(authCode);
        model.setSubject("sandbox goods 测试商品");
        model.setTotalAmount(amount);
        model.setProductCode("FACE_TO_FACE_PAYMENT");
        model.setDisablePayChannels(disabled);
        AlipayTradePayRequest request = new AlipayTradePayRequest();
        request.setBizModel(model);
        return request;
    }

}
