package io.shoudan.sandbox.unionpay;

import static io.shoudan.sandbox.Fixture.delivered;
import static io.shoudan.sandbox.Fixture.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.sandbox.Fixture;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.CardStatus;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.consumer.PasswordConfirmation;
import io.shoudan.sandbox.consumer.Pin;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.fault.ChannelReply;
import io.shoudan.sandbox.merchant.MerchantKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnionPayFlowTest {

    private static final String PAN = "6222020000000000001";
    private static final Pin PIN = Pin.of("123456");
    private final Fixture f = new Fixture();
    private final ConsumerId holder = f.register(ConsumerSetup.of("h")
            .card("debit", CardKind.DEBIT, PAN, PIN, yuan("1000.00"), CardStatus.ACTIVE)
            .password(PasswordConfirmation.above(yuan("500.00"), Duration.ofSeconds(10)))).id();
    private final UnionPaySimulator host = f.sandbox.unionpay();

    private static TerminalRef ref(String stan) {
        return new TerminalRef(Fixture.UP_MID, Fixture.UP_TID, stan);
    }

    private HostResponse sale(String stan, String amount) {
        return delivered(host.sale(new CardSaleRequest(ref(stan), PAN, PIN, yuan(amount))));
    }

    private Money card() {
        return f.sandbox.consumers().get(holder).fundsTotal();
    }

    @Test
    void anApprovedSaleCarriesRrnAuthorizationCodeAndAMaskedPan() {
        HostResponse response = sale("000001", "100.00");

        assertThat(response.field39()).isEqualTo(ResponseCode.APPROVED);
        assertThat(response.rrn()).matches("[0-9]{12}");
        assertThat(response.authorizationCode()).matches("[0-9]{6}");
        assertThat(response.maskedPan()).isEqualTo("622202*********0001");
        assertThat(response.processingCode()).isEqualTo("000000");
        assertThat(card()).isEqualTo(yuan("900.00"));
    }

    @Test
    void aRepeatedMessageGetsTheFirstAnswerAndADifferentOneWithTheSameTraceIsADuplicate() {
        HostResponse first = sale("000001", "100.00");

        assertThat(sale("000001", "100.00")).isEqualTo(first);
        assertThat(sale("000001", "100.01").field39()).isEqualTo(ResponseCode.DUPLICATE_TRANSMISSION);
        assertThat(card()).isEqualTo(yuan("900.00"));
    }

    @Test
    void aVoidTheSameDayReturnsTheMoney() {
        sale("000001", "100.00");

        HostResponse response = delivered(host.voidSale(new VoidRequest(ref("000002"), "000001", PAN, PIN, yuan("100.00"))));

        assertThat(response.field39()).isEqualTo(ResponseCode.APPROVED);
        assertThat(response.processingCode()).isEqualTo("200000");
        assertThat(card()).isEqualTo(yuan("1000.00"));
        assertThat(delivered(host.query(new QueryRequest(ref("000001")))).originalStatus())
                .isEqualTo(TransactionStatus.VOIDED);
    }

    @ParameterizedTest(name = "void {0}: {1}")
    @CsvSource({
            "another amount,  64",
            "the next day,    12",
            "twice,           12",
            "unknown trace,   25"})
    void aVoidIsRefusedWhenItDoesNotMatchASameDaySale(String variant, String field39) {
        sale("000001", "100.00");
        String original = "000001";
        Money amount = yuan("100.00");
        switch (variant.trim()) {
            case "another amount" -> amount = yuan("99.00");
            case "the next day" -> f.clock.advance(Duration.ofHours(14));
            case "twice" -> host.voidSale(new VoidRequest(ref("000002"), "000001", PAN, PIN, amount));
            case "unknown trace" -> original = "000999";
            default -> throw new IllegalArgumentException(variant);
        }

        HostResponse response = delivered(host.voidSale(new VoidRequest(ref("000003"), original, PAN, PIN, amount)));

        assertThat(response.field39().field39()).isEqualTo(field39);
    }

    @ParameterizedTest(name = "sale 100.00, refunded 60.00, then {0}: {1}")
    @CsvSource({"40.00, 00", "40.01, 13"})
    void refundsArePartialAndNeverAboveTheSale(String second, String field39) {
        HostResponse sale = sale("000001", "100.00");
        delivered(host.refund(new RefundRequest(ref("000002"), sale.rrn(), yuan("60.00"))));

        HostResponse response = delivered(host.refund(new RefundRequest(ref("000003"), sale.rrn(), yuan(second))));

        assertThat(response.field39().field39()).isEqualTo(field39);
        assertThat(response.mti()).isEqualTo("0230");
        assertThat(card()).isEqualTo(field39.equals("00") ? yuan("1000.00") : yuan("960.00"));
    }

    @Test
    void aReversalUndoesASaleWhoseAnswerWasLost() {
        f.sandbox.faults().add(FaultRule.always(Channel.UNIONPAY, new Fault.ResponseLost())
                .onlyFor(io.shoudan.sandbox.fault.Operation.PAY));
        ChannelReply<HostResponse> lost = host.sale(new CardSaleRequest(ref("000001"), PAN, PIN, yuan("100.00")));
        assertThat(lost).isInstanceOf(ChannelReply.ResponseLost.class);
        assertThat(card()).isEqualTo(yuan("900.00"));

        HostResponse reversal = delivered(host.reversal(new ReversalRequest(ref("000001"))));
        HostResponse again = delivered(host.reversal(new ReversalRequest(ref("000001"))));

        assertThat(reversal.mti()).isEqualTo("0410");
        assertThat(reversal.field39()).isEqualTo(ResponseCode.APPROVED);
        assertThat(again.field39()).isEqualTo(ResponseCode.APPROVED);
        assertThat(card()).isEqualTo(yuan("1000.00"));
        assertThat(f.sandbox.merchants().received(MerchantKey.unionpay(Fixture.UP_MID))).isEqualTo(Money.ZERO);
    }

    @Test
    void aReversalOfAMessageTheHostNeverSawFindsNoOriginal() {
        assertThat(delivered(host.reversal(new ReversalRequest(ref("000777")))).field39())
                .isEqualTo(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
    }

    @Test
    void aQrSaleInProgressIsApprovedWhenTheHolderConfirms() {
        String code = f.code(holder, Channel.UNIONPAY);
        HostResponse pending = delivered(host.qrSale(new QrSaleRequest(ref("000001"), code, yuan("600.00"))));
        assertThat(pending.field39()).isEqualTo(ResponseCode.IN_PROGRESS);

        f.clock.advance(Duration.ofSeconds(10));
        HostResponse query = delivered(host.query(new QueryRequest(ref("000001"))));

        assertThat(query.field39()).isEqualTo(ResponseCode.APPROVED);
        assertThat(query.originalStatus()).isEqualTo(TransactionStatus.APPROVED);
        assertThat(query.originalField39()).isEqualTo(ResponseCode.APPROVED);
        assertThat(card()).isEqualTo(yuan("400.00"));
    }

    @Test
    void aQrSaleInProgressReversedBeforeConfirmationNeverTakesTheMoney() {
        String code = f.code(holder, Channel.UNIONPAY);
        delivered(host.qrSale(new QrSaleRequest(ref("000001"), code, yuan("600.00"))));

        delivered(host.reversal(new ReversalRequest(ref("000001"))));
        f.clock.advance(Duration.ofSeconds(10));

        assertThat(delivered(host.query(new QueryRequest(ref("000001")))).originalStatus())
                .isEqualTo(TransactionStatus.REVERSED);
        assertThat(card()).isEqualTo(yuan("1000.00"));
    }
}
