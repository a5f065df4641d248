package io.shoudan.sandbox.http.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.AlipayApiException;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.request.AlipayTradeCancelRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.response.AlipayTradePayResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import io.shoudan.method.Channel;
import io.shoudan.sandbox.Fixture;
import io.shoudan.sandbox.consumer.AccountStatus;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.consumer.HuabeiStatus;
import io.shoudan.sandbox.consumer.PasswordConfirmation;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.fault.Operation;
import io.shoudan.sandbox.http.RunningSandbox;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.MerchantStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator's refusals reach a client over HTTP as Alipay writes them, through the official SDK
 * (which also verifies the signature of every refusal it gets).
 */
class AlipaySubCodesOverHttpTest {

    @TempDir
    Path dataDir;

    private RunningSandbox running;
    private DefaultAlipayClient client;

    @BeforeEach
    void start() throws AlipayApiException {
        running = new RunningSandbox(dataDir);
        client = SdkClients.official(running.server, Fixture.APP_ID);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            // situation,               code,   sub_code
            "balance short,             40004, ACQ.BUYER_BALANCE_NOT_ENOUGH",
            "code never issued,         40004, ACQ.PAYMENT_AUTH_CODE_INVALID",
            "code used twice,           40004, ACQ.PAYMENT_AUTH_CODE_INVALID",
            "huabei only and pcredit disabled, 40004, ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE",
            "buyer frozen,              40004, ACQ.BUYER_ENABLE_STATUS_FORBID",
            "seller blocked,            40004, ACQ.SELLER_BEEN_BLOCKED",
            "amount 0.00,               40004, ACQ.INVALID_PARAMETER",
            "amount with three decimals, 40004, ACQ.INVALID_PARAMETER",
            "system error,              40004, ACQ.SYSTEM_ERROR",
            "service unavailable,       20000, isp.unknow-error",
    })
    void eachRefusalArrivesWithItsCodeAndSubCode(String situation, String code, String subCode)
            throws AlipayApiException {
        String amount = "50.00";
        String disabled = null;
        ConsumerSetup setup = ConsumerSetup.of("buyer").alipayBalance(Fixture.yuan("100.00"));
        switch (situation) {
            case "balance short" -> setup = ConsumerSetup.of("buyer").alipayBalance(Fixture.yuan("49.99"));
            case "huabei only and pcredit disabled" -> {
                setup = ConsumerSetup.of("buyer").huabei(Fixture.yuan("500.00"), Fixture.yuan("500.00"), HuabeiStatus.OPEN);
                disabled = "pcredit,pcreditpayInstallment";
            }
            case "buyer frozen" -> setup.status(AccountStatus.FROZEN);
            case "seller blocked" -> running.fixture.sandbox.merchants()
                    .update(MerchantKey.alipay(Fixture.APP_ID), m -> m.withStatus(MerchantStatus.BLOCKED));
            case "amount 0.00" -> amount = "0.00";
            case "amount with three decimals" -> amount = "1.005";
            case "system error" -> running.fixture.sandbox.faults()
                    .add(FaultRule.always(Channel.ALIPAY, new Fault.SystemError()).onlyFor(Operation.PAY));
            case "service unavailable" -> running.fixture.sandbox.faults()
                    .add(FaultRule.always(Channel.ALIPAY, new Fault.ServiceUnavailable()).onlyFor(Operation.PAY));
            default -> {
            }
        }
        ConsumerId buyer = running.fixture.register(setup).id();
        String authCode = running.fixture.code(buyer, Channel.ALIPAY);
        if (situation.equals("code never issued")) {
            authCode = "289999999999999999";
        }
        if (situation.equals("code used twice")) {
            assertThat(client.execute(AlipaySdkRoundTripTest.payRequest("FIRST", authCode, "1.00", null)).isSuccess())
                    .isTrue();
        }

        AlipayTradePayResponse answer = client.execute(
                AlipaySdkRoundTripTest.payRequest("SUB-1", authCode, amount, disabled));

        assertThat(answer.isSuccess()).isFalse();
        assertThat(answer.getCode()).isEqualTo(code);
        assertThat(answer.getSubCode()).isEqualTo(subCode);
        assertThat(answer.getSubMsg()).isNotBlank();
    }

    @Test
    void aHuabeiFirstBuyerWithPcreditDisabledPaysFromTheBalanceInstead() throws AlipayApiException {
        ConsumerId buyer = running.fixture.register(ConsumerSetup.of("hb")
                .huabei(Fixture.yuan("500.00"), Fixture.yuan("500.00"), HuabeiStatus.OPEN)
                .alipayBalance(Fixture.yuan("80.00"))).id();

        AlipayTradePayResponse paid = client.execute(AlipaySdkRoundTripTest.payRequest("HB-1",
                running.fixture.code(buyer, Channel.ALIPAY), "50.00", "pcredit"));

        assertThat(paid.isSuccess()).isTrue();
        assertThat(paid.getFundBillList()).singleElement()
                .satisfies(bill -> assertThat(bill.getFundChannel()).isEqualTo("ALIPAYACCOUNT"));
    }

    @Test
    void aPaymentWaitingForThePasswordAnswers10003AndTheQueryLaterFindsItPaid() throws AlipayApiException {
        ConsumerId buyer = running.fixture.register(ConsumerSetup.of("pw")
                .alipayBalance(Fixture.yuan("1000.00"))
                .password(PasswordConfirmation.above(Fixture.yuan("100.00"), Duration.ofSeconds(8)))).id();

        AlipayTradePayResponse waiting = client.execute(AlipaySdkRoundTripTest.payRequest("PW-1",
                running.fixture.code(buyer, Channel.ALIPAY), "200.00", null));

        assertThat(waiting.getCode()).isEqualTo("10003");
        // The SDK's isSuccess() only means "no sub_code": an adapter must read code, not isSuccess().
        assertThat(waiting.isSuccess()).isTrue();
        assertThat(waiting.getSubCode()).isNull();
        assertThat(query("PW-1").getTradeStatus()).isEqualTo("WAIT_BUYER_PAY");
        running.fixture.clock.advance(Duration.ofSeconds(8));
        AlipayTradeQueryResponse paid = query("PW-1");
        assertThat(paid.getTradeStatus()).isEqualTo("TRADE_SUCCESS");
        assertThat(paid.getTotalAmount()).isEqualTo("200.00");
    }

    @Test
    void aBuyerWhoNeverConfirmsIsCancelledWithActionClose() throws AlipayApiException {
        ConsumerId buyer = running.fixture.register(ConsumerSetup.of("never")
                .alipayBalance(Fixture.yuan("1000.00"))
                .password(PasswordConfirmation.aboveButNeverConfirms(Fixture.yuan("100.00")))).id();
        assertThat(client.execute(AlipaySdkRoundTripTest.payRequest("NC-1",
                running.fixture.code(buyer, Channel.ALIPAY), "200.00", null)).getCode()).isEqualTo("10003");

        AlipayTradeCancelRequest cancel = new AlipayTradeCancelRequest();
        cancel.setBizContent("{\"out_trade_no\":\"NC-1\"}");

        assertThat(client.execute(cancel).getAction()).isEqualTo("close");
        assertThat(query("NC-1").getTradeStatus()).isEqualTo("TRADE_CLOSED");
    }

    private AlipayTradeQueryResponse query(String outTradeNo) throws AlipayApiException {
        AlipayTradeQueryRequest query = new AlipayTradeQueryRequest();
        query.setBizContent("{\"out_trade_no\":\"" + outTradeNo + "\"}");
        return client.execute(query);
    }
}
