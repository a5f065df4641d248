package io.shoudan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoudan.sandbox.alipay.TradeStatus;
import io.shoudan.sandbox.unionpay.TransactionStatus;
import io.shoudan.sandbox.wechat.TradeState;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every transition of the three channels' state machines, allowed or not, against the table here. */
class StateMachineTest {

    private static final Set<String> ALIPAY_ALLOWED = Set.of(
            "WAIT_BUYER_PAY>TRADE_SUCCESS", "WAIT_BUYER_PAY>TRADE_CLOSED",
            "TRADE_SUCCESS>TRADE_CLOSED", "TRADE_SUCCESS>TRADE_FINISHED");

    private static final Set<String> WECHAT_ALLOWED = Set.of(
            "NOTPAY>USERPAYING", "NOTPAY>SUCCESS", "NOTPAY>PAYERROR", "NOTPAY>REVOKED",
            "USERPAYING>SUCCESS", "USERPAYING>PAYERROR", "USERPAYING>CLOSED", "USERPAYING>REVOKED",
            "PAYERROR>USERPAYING", "PAYERROR>SUCCESS", "PAYERROR>PAYERROR", "PAYERROR>REVOKED",
            "SUCCESS>REFUND", "SUCCESS>REVOKED", "REFUND>REFUND", "REFUND>REVOKED");

    private static final Set<String> UNIONPAY_ALLOWED = Set.of(
            "PENDING>APPROVED", "PENDING>DECLINED", "PENDING>REVERSED", "APPROVED>VOIDED", "APPROVED>REVERSED");

    static Stream<Arguments> alipay() {
        return Stream.of(TradeStatus.values()).flatMap(from -> Stream.of(TradeStatus.values()).map(to ->
                Arguments.of(from, to, ALIPAY_ALLOWED.contains(from + ">" + to))));
    }

    static Stream<Arguments> wechat() {
        return Stream.of(TradeState.values()).flatMap(from -> Stream.of(TradeState.values()).map(to ->
                Arguments.of(from, to, WECHAT_ALLOWED.contains(from + ">" + to))));
    }

    static Stream<Arguments> unionpay() {
        return Stream.of(TransactionStatus.values()).flatMap(from -> Stream.of(TransactionStatus.values()).map(to ->
                Arguments.of(from, to, UNIONPAY_ALLOWED.contains(from + ">" + to))));
    }

    @ParameterizedTest(name = "Alipay {0} -> {1}: allowed {2}")
    @MethodSource("alipay")
    void alipayTradeStatusChangesOnlyAlongItsTable(TradeStatus from, TradeStatus to, boolean allowed) {
        if (allowed) {
            assertThat(from.become(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.become(to)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(from + " -> " + to);
        }
    }

    @ParameterizedTest(name = "WeChat {0} -> {1}: allowed {2}")
    @MethodSource("wechat")
    void wechatTradeStateChangesOnlyAlongItsTable(TradeState from, TradeState to, boolean allowed) {
        if (allowed) {
            assertThat(from.become(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.become(to)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(from + " -> " + to);
        }
    }

    @ParameterizedTest(name = "UnionPay {0} -> {1}: allowed {2}")
    @MethodSource("unionpay")
    void unionpayTransactionStatusChangesOnlyAlongItsTable(TransactionStatus from, TransactionStatus to,
                                                           boolean allowed) {
        if (allowed) {
            assertThat(from.become(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.become(to)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(from + " -> " + to);
        }
    }
}
