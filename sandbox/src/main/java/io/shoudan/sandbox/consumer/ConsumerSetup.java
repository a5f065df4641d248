package io.shoudan.sandbox.consumer;

import io.shoudan.money.Money;
import io.shoudan.method.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Describes a consumer to register: sources are added in the order the Alipay app prefers them, and
 * the WeChat wallet gets the same order minus what WeChat cannot use (Huabei, Alipay's own funds).
 * Tests and the demo read as a sentence: {@code ConsumerSetup.of("c1").huabei(...).alipayBalance(...)}.
 */
public final class ConsumerSetup {

    private final ConsumerId id;
    private String logonId;
    private AccountStatus status = AccountStatus.NORMAL;
    private boolean realNameCertified = true;
    private ConsumerLimits limits = ConsumerLimits.unlimited();
    private PasswordConfirmation password = PasswordConfirmation.typical();
    private final List<FundingSource> sources = new ArrayList<>();
    private final List<SourceId> alipayOrder = new ArrayList<>();
    private final List<SourceId> wechatOrder = new ArrayList<>();
    private SourceId unionpayQrCard;

    private ConsumerSetup(ConsumerId id) {
        this.id = id;
        this.logonId = "1380000" + String.format("%04d", Math.floorMod(id.value().hashCode(), 10_000));
    }

    public static ConsumerSetup of(String id) {
        return new ConsumerSetup(new ConsumerId(id));
    }

    public ConsumerSetup logonId(String value) {
        this.logonId = Objects.requireNonNull(value);
        return this;
    }

    public ConsumerSetup status(AccountStatus value) {
        this.status = Objects.requireNonNull(value);
        return this;
    }

    public ConsumerSetup notRealNameCertified() {
        this.realNameCertified = false;
        return this;
    }

    public ConsumerSetup limits(ConsumerLimits value) {
        this.limits = Objects.requireNonNull(value);
        return this;
    }

    public ConsumerSetup password(PasswordConfirmation value) {
        this.password = Objects.requireNonNull(value);
        return this;
    }

    public ConsumerSetup alipayBalance(Money available) {
        return addAlipay(new FundingSource.WalletBalance(new SourceId("alipay-balance"), Channel.ALIPAY, available));
    }

    public ConsumerSetup yuebao(Money available) {
        return addAlipay(new FundingSource.MoneyFund(new SourceId("yuebao"), Channel.ALIPAY, available));
    }

    public ConsumerSetup huabei(Money creditLimit, Money available, HuabeiStatus huabeiStatus) {
        return addAlipay(new FundingSource.Huabei(new SourceId("huabei"), creditLimit, available, huabeiStatus));
    }

    public ConsumerSetup wechatBalance(Money available) {
        return addWechat(new FundingSource.WalletBalance(new SourceId("wechat-balance"), Channel.WECHAT, available));
    }

    public ConsumerSetup lingqiantong(Money available) {
        return addWechat(new FundingSource.MoneyFund(new SourceId("lingqiantong"), Channel.WECHAT, available));
    }

    /** A card bound to both wallets (in the order added) and, if it is the first card, to UnionPay QR. */
    public ConsumerSetup card(String sourceId, CardKind kind, String pan, Pin pin, Money available, CardStatus cardStatus) {
        FundingSource.BankCard card = new FundingSource.BankCard(new SourceId(sourceId), kind, "SDBANK", pan, pin,
                available, cardStatus);
        sources.add(card);
        alipayOrder.add(card.id());
        wechatOrder.add(card.id());
        if (unionpayQrCard == null) {
            unionpayQrCard = card.id();
        }
        return this;
    }

    /** A card known to its issuer only (not bound to any wallet): a POS-only card. */
    public ConsumerSetup posOnlyCard(String sourceId, CardKind kind, String pan, Pin pin, Money available,
                                     CardStatus cardStatus) {
        sources.add(new FundingSource.BankCard(new SourceId(sourceId), kind, "SDBANK", pan, pin, available, cardStatus));
        return this;
    }

    private ConsumerSetup addAlipay(FundingSource source) {
        sources.add(source);
        alipayOrder.add(source.id());
        return this;
    }

    private ConsumerSetup addWechat(FundingSource source) {
        sources.add(source);
        wechatOrder.add(source.id());
        return this;
    }

    /** Builds the consumer; the openid is assigned by the registry. */
    Consumer build(String openid) {
        return new Consumer(id, logonId, openid, status, realNameCertified, limits, password, sources, alipayOrder,
                wechatOrder, unionpayQrCard);
    }
}
