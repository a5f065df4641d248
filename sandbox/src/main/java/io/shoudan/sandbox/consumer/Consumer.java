package io.shoudan.sandbox.consumer;

import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person with an Alipay wallet, a WeChat wallet and bank cards, as the channels see them.
 *
 * @param logonId        the Alipay login (phone or e-mail); answers show it masked
 * @param openid         the WeChat openid the sandbox gave this person
 * @param realNameCertified false: the person has not passed the real-name check (实名认证)
 * @param sources        every funding source, each id once
 * @param alipayOrder    the order the Alipay app tries sources in: preferred first (余额宝, 花呗…)
 * @param wechatOrder    the order the WeChat app tries sources in (零钱, cards…); never Huabei
 * @param unionpayQrCard the card a UnionPay QR code of this person draws on; {@code null}: none
 */
public record Consumer(
        ConsumerId id,
        String logonId,
        String openid,
        AccountStatus status,
        boolean realNameCertified,
        ConsumerLimits limits,
        PasswordConfirmation password,
        List<FundingSource> sources,
        List<SourceId> alipayOrder,
        List<SourceId> wechatOrder,
        SourceId unionpayQrCard) {

    public Consumer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(logonId, "logonId");
        Objects.requireNonNull(openid, "openid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(password, "password");
        sources = List.copyOf(sources);
        alipayOrder = List.copyOf(alipayOrder);
        wechatOrder = List.copyOf(wechatOrder);
        Set<SourceId> ids = new HashSet<>();
        for (FundingSource source : sources) {
            if (!ids.add(source.id())) {
                throw new IllegalArgumentException("source " + source.id() + " appears twice for " + id);
            }
        }
        for (SourceId ref : alipayOrder) {
            FundingSource source = find(sources, ref);
            if (source instanceof FundingSource.WalletBalance w && w.wallet() != Channel.ALIPAY
                    || source instanceof FundingSource.MoneyFund f && f.wallet() != Channel.ALIPAY) {
                throw new IllegalArgumentException(ref + " is not an Alipay wallet source");
            }
        }
        for (SourceId ref : wechatOrder) {
            FundingSource source = find(sources, ref);
            if (source instanceof FundingSource.Huabei
                    || source instanceof FundingSource.WalletBalance w && w.wallet() != Channel.WECHAT
                    || source instanceof FundingSource.MoneyFund f && f.wallet() != Channel.WECHAT) {
                throw new IllegalArgumentException(ref + " cannot pay in the WeChat wallet");
            }
        }
        if (unionpayQrCard != null && !(find(sources, unionpayQrCard) instanceof FundingSource.BankCard)) {
            throw new IllegalArgumentException(unionpayQrCard + " is not a bank card");
        }
    }

    private static FundingSource find(List<FundingSource> sources, SourceId ref) {
        for (FundingSource source : sources) {
            if (source.id().equals(ref)) {
                return source;
            }
        }
        throw new IllegalArgumentException("no source " + ref);
    }

    public FundingSource source(SourceId ref) {
        return find(sources, ref);
    }

    public Optional<FundingSource.BankCard> cardByPan(String pan) {
        for (FundingSource source : sources) {
            if (source instanceof FundingSource.BankCard card && card.pan().equals(pan)) {
                return Optional.of(card);
            }
        }
        return Optional.empty();
    }

    public Consumer withSource(FundingSource replacement) {
        List<FundingSource> next = new ArrayList<>(sources.size());
        boolean found = false;
        for (FundingSource source : sources) {
            if (source.id().equals(replacement.id())) {
                if (source.getClass() != replacement.getClass()) {
                    throw new IllegalArgumentException("source " + source.id() + " cannot change kind");
                }
                next.add(replacement);
                found = true;
            } else {
                next.add(source);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no source " + replacement.id() + " for " + id);
        }
        return new Consumer(id, logonId, openid, status, realNameCertified, limits, password, next,
                alipayOrder, wechatOrder, unionpayQrCard);
    }

    public Consumer withStatus(AccountStatus next) {
        return new Consumer(id, logonId, openid, next, realNameCertified, limits, password, sources,
                alipayOrder, wechatOrder, unionpayQrCard);
    }

    /** Everything this person could still spend: balances plus unused credit. */
    public Money fundsTotal() {
        Money total = Money.ZERO;
        for (FundingSource source : sources) {
            total = total.plus(source.available());
        }
        return total;
    }

    /**
     * Alipay shows {@code 138****5678} or {@code abc***@example.com}: enough for the buyer to recognise,
     * not enough to identify.
     */
    public String maskedLogonId() {
        int at = logonId.indexOf('@');
        if (at >= 0) {
            String name = logonId.substring(0, at);
            return name.substring(0, Math.min(3, name.length())) + "***" + logonId.substring(at);
        }
        if (logonId.length() <= 7) {
            return logonId.charAt(0) + "***";
        }
        return logonId.substring(0, 3) + "****" + logonId.substring(logonId.length() - 4);
    }
}
