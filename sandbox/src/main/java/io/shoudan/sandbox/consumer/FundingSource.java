package io.shoudan.sandbox.consumer;

import io.shoudan.money.Money;
import io.shoudan.method.Channel;
import java.util.Objects;

/**
 * Where a consumer's money (or credit) comes from. {@code available} is what the source can still
 * pay: a balance, or for credit the unused part of the limit. Sources are values; the registry
 * replaces one when money moves.
 */
public sealed interface FundingSource {

    SourceId id();

    Money available();

    FundingSource withAvailable(Money available);

    /** Alipay balance (余额) or WeChat change (零钱): a wallet's own stored value. */
    record WalletBalance(SourceId id, Channel wallet, Money available) implements FundingSource {
        public WalletBalance {
            Objects.requireNonNull(id, "id");
            requireWallet(wallet);
            requireNotNegative(available, "available");
        }

        @Override
        public WalletBalance withAvailable(Money available) {
            return new WalletBalance(id, wallet, available);
        }
    }

    /** Yu'e Bao (余额宝, Alipay's {@code moneyFund}) or WeChat's 零钱通: a money-market fund. */
    record MoneyFund(SourceId id, Channel wallet, Money available) implements FundingSource {
        public MoneyFund {
            Objects.requireNonNull(id, "id");
            requireWallet(wallet);
            requireNotNegative(available, "available");
        }

        @Override
        public MoneyFund withAvailable(Money available) {
            return new MoneyFund(id, wallet, available);
        }
    }

    /**
     * A bank card, bound to wallets and usable at POS through UnionPay. The PAN prints masked.
     *
     * @param pin {@code null}: the card has no PIN (some credit cards sign instead)
     */
    record BankCard(SourceId id, CardKind kind, String bankCode, String pan, Pin pin, Money available,
                    CardStatus status) implements FundingSource {
        public BankCard {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(bankCode, "bankCode");
            Objects.requireNonNull(pan, "pan");
            if (!pan.matches("[0-9]{13,19}")) {
                throw new IllegalArgumentException("a PAN is 13-19 digits");
            }
            requireNotNegative(available, "available");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public BankCard withAvailable(Money available) {
            return new BankCard(id, kind, bankCode, pan, pin, available, status);
        }

        public BankCard withStatus(CardStatus status) {
            return new BankCard(id, kind, bankCode, pan, pin, available, status);
        }

        public String maskedPan() {
            return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4);
        }

        @Override
        public String toString() {
            return "BankCard[id=" + id + ", kind=" + kind + ", bank=" + bankCode + ", pan=" + maskedPan()
                    + ", available=" + available + ", status=" + status + "]";
        }
    }

    /** Huabei (花呗), Alipay's consumer credit line. */
    record Huabei(SourceId id, Money creditLimit, Money available, HuabeiStatus status) implements FundingSource {
        public Huabei {
            Objects.requireNonNull(id, "id");
            requireNotNegative(creditLimit, "creditLimit");
            requireNotNegative(available, "available");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public Huabei withAvailable(Money available) {
            return new Huabei(id, creditLimit, available, status);
        }

        public Huabei withStatus(HuabeiStatus status) {
            return new Huabei(id, creditLimit, available, status);
        }
    }

    private static void requireWallet(Channel wallet) {
        if (wallet != Channel.ALIPAY && wallet != Channel.WECHAT) {
            throw new IllegalArgumentException("only Alipay and WeChat Pay have wallets: " + wallet);
        }
    }

    private static void requireNotNegative(Money amount, String name) {
        Objects.requireNonNull(amount, name);
        if (amount.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + amount);
        }
    }
}
