package io.shoudan.payment;

import io.shoudan.fee.FeeQuote;
import io.shoudan.fee.FeeSplit;
import io.shoudan.fee.RateCardId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.testing.PaymentWorld;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The refusals of a void or refund, as a table: which rule answers first, with boundary amounts and days. */
class AdjustmentRulesTest {

    /** 10:00 on 23 November in Beijing. */
    private static final Instant PAID = PaymentWorld.START;
    /** 23:59:59 the same Beijing day, and one second later the next one. */
    private static final Instant LAST_SECOND_OF_THE_DAY = Instant.parse("2026-11-23T15:59:59Z");
    private static final Instant NEXT_DAY = Instant.parse("2026-11-23T16:00:00Z");
    private static final RawCode OK = new RawCode("10000");

    private static final String POSITIVE = "amount is positive";
    private static final String UNTOUCHED = "a void takes an untouched successful payment";
    private static final String NOT_SETTLED = "a void comes before settlement";
    private static final String SAME_DAY = "a void comes on the payment's business day";
    private static final String SUCCESSFUL = "a refund takes a successful payment";
    private static final String WITHIN = "a refund stays within what is left";
    private static final String NONE = "none";

    private static Payment processing() {
        SaleRequest sale = PaymentWorld.sale("000001-000001", PaymentMethod.ALIPAY, "100.00");
        FeeQuote fee = new FeeQuote(new RateCardId("RC-1"), 1, Money.parse("100.00"),
                new FeeSplit(Money.parse("0.38"), Money.ZERO), Money.ZERO);
        return Payment.processing(new PaymentId("P1"), sale, PAID, List.of(), fee);
    }

    private static Payment succeeded() {
        return processing().succeeded(PAID, new ChannelTradeNo("T1"), FundingSource.WALLET_BALANCE, OK);
    }

    /** 60.00 of 100.00 refunded. */
    private static Payment partlyRefunded() {
        return succeeded().reserve(Money.parse("60.00"), PAID).refundDone(RefundKind.REFUND, Money.parse("60.00"), FeeSplit.NONE, PAID, OK);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                //           kind               payment                             amount     at                     first rule that refuses
                Arguments.of(RefundKind.VOID,   succeeded(),                        "100.00",  PAID,                  NONE),
                Arguments.of(RefundKind.VOID,   succeeded(),                        "100.00",  LAST_SECOND_OF_THE_DAY, NONE),
                Arguments.of(RefundKind.VOID,   succeeded(),                        "0.00",    PAID,                  POSITIVE),
                Arguments.of(RefundKind.VOID,   processing(),                       "100.00",  PAID,                  UNTOUCHED),
                Arguments.of(RefundKind.VOID,   partlyRefunded().settled(NEXT_DAY), "100.00",  NEXT_DAY,              UNTOUCHED),
                Arguments.of(RefundKind.VOID,   succeeded().reserve(Money.parse("0.01"), PAID), "100.00", PAID,       UNTOUCHED),
                Arguments.of(RefundKind.VOID,   succeeded().settled(NEXT_DAY),      "100.00",  NEXT_DAY,              NOT_SETTLED),
                Arguments.of(RefundKind.VOID,   succeeded(),                        "100.00",  NEXT_DAY,              SAME_DAY),
                Arguments.of(RefundKind.REFUND, processing(),                       "0.00",    PAID,                  POSITIVE),
                Arguments.of(RefundKind.REFUND, processing(),                       "1.00",    PAID,                  SUCCESSFUL),
                Arguments.of(RefundKind.REFUND, succeeded(),                        "100.00",  PAID,                  NONE),
                Arguments.of(RefundKind.REFUND, succeeded(),                        "100.01",  PAID,                  WITHIN),
                Arguments.of(RefundKind.REFUND, partlyRefunded(),                   "40.00",   PAID,                  NONE),
                Arguments.of(RefundKind.REFUND, partlyRefunded(),                   "40.01",   PAID,                  WITHIN),
                Arguments.of(RefundKind.REFUND, succeeded().settled(NEXT_DAY),      "0.01",    NEXT_DAY,              NONE));
    }

    @ParameterizedTest(name = "{0} of {2} on a {1} payment at {3}: {4}")
    @MethodSource("table")
    void theFirstRuleThatRefusesAnswersInTheOrderOfTheTable(RefundKind kind, Payment payment, String amount, Instant at, String refusing) {
        RefundRequest request = new RefundRequest(PaymentWorld.MERCHANT, new RequestId.Client("RK1"), payment.request().request(),
                kind, Money.parse(amount));
        assertThat(AdjustmentRules.firstRefusing(request, payment, at).map(AdjustmentRule::name).orElse(NONE)).isEqualTo(refusing);
    }
}
