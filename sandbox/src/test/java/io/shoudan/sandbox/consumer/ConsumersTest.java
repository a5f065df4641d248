package io.shoudan.sandbox.consumer;

import static io.shoudan.sandbox.Fixture.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoudan.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsumersTest {

    private static final String PAN = "6222020000000000001";
    private final Consumers consumers = new Consumers(new Object());

    @Test
    void aCardBelongsToOnePerson() {
        consumers.register(ConsumerSetup.of("a").card("d", CardKind.DEBIT, PAN, null, yuan("1.00"), CardStatus.ACTIVE));

        assertThatThrownBy(() -> consumers.register(ConsumerSetup.of("b")
                .card("d", CardKind.DEBIT, PAN, null, yuan("1.00"), CardStatus.ACTIVE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(PAN);
        assertThat(consumers.cardOwner(PAN).orElseThrow().id()).isEqualTo(new ConsumerId("a"));
    }

    @Test
    void anUpdateCannotRenumberACard() {
        Consumer a = consumers.register(ConsumerSetup.of("a")
                .card("d", CardKind.DEBIT, PAN, null, yuan("1.00"), CardStatus.ACTIVE));
        FundingSource.BankCard card = (FundingSource.BankCard) a.source(new SourceId("d"));

        assertThatThrownBy(() -> consumers.replaceSource(a.id(), new FundingSource.BankCard(card.id(), card.kind(),
                card.bankCode(), "6222020000000000002", null, card.available(), card.status())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(consumers.replaceSource(a.id(), card.withStatus(CardStatus.DO_NOT_HONOUR)).source(card.id()))
                .isEqualTo(card.withStatus(CardStatus.DO_NOT_HONOUR));
    }

    @Test
    void huabeiCannotBeInTheWechatWallet() {
        FundingSource.Huabei huabei = new FundingSource.Huabei(new SourceId("h"), yuan("1.00"), yuan("1.00"),
                HuabeiStatus.OPEN);

        assertThatThrownBy(() -> new Consumer(new ConsumerId("x"), "1", "o", AccountStatus.NORMAL, true,
                ConsumerLimits.unlimited(), PasswordConfirmation.typical(), List.of(huabei), List.of(),
                List.of(huabei.id()), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCardPrintsMaskedAndAPinNeverPrints() {
        FundingSource.BankCard card = new FundingSource.BankCard(new SourceId("d"), CardKind.DEBIT, "B", PAN,
                Pin.of("123456"), yuan("1.00"), CardStatus.ACTIVE);

        assertThat(card.toString()).contains("622202*********0001").doesNotContain(PAN).doesNotContain("123456");
        assertThat(Pin.of("123456").toString()).doesNotContain("123456");
    }

    @ParameterizedTest(name = "logon {0} is shown as {1}")
    @CsvSource({"13812345678, 138****5678", "zhangsan@example.com, zha***@example.com", "ab@x.cn, ab***@x.cn",
            "12345, 1***"})
    void theLogonIdIsMaskedAsAlipayShowsIt(String logon, String masked) {
        Consumer c = consumers.register(ConsumerSetup.of("m").logonId(logon).alipayBalance(Money.ZERO));

        assertThat(c.maskedLogonId()).isEqualTo(masked);
    }

    @Test
    void everyConsumerGetsItsOwnOpenid() {
        Consumer a = consumers.register(ConsumerSetup.of("a").wechatBalance(Money.ZERO));
        Consumer b = consumers.register(ConsumerSetup.of("b").wechatBalance(Money.ZERO));

        assertThat(a.openid()).isNotEqualTo(b.openid()).hasSize(28);
        assertThat(consumers.findByOpenid(b.openid()).orElseThrow().id()).isEqualTo(b.id());
    }
}
