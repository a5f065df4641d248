package io.shoudan.sandbox.merchant;

import io.shoudan.money.Money;
import io.shoudan.method.Channel;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The channels' merchants, what each has received (net of refunds) and what it received per day and
 * month (gross, for the receipt limits), plus what each channel earned in fees it charged itself
 * (Huabei installment fees). Received + fee income + consumers' funds is what money conservation
 * keeps constant.
 */
public final class Merchants {

    private final Object monitor;
    private final Map<MerchantKey, ChannelMerchant> byKey = new LinkedHashMap<>();
    private final Map<MerchantKey, Money> received = new HashMap<>();
    private final Map<MerchantKey, Map<LocalDate, Money>> receivedPerDay = new HashMap<>();
    private final Map<MerchantKey, Map<YearMonth, Money>> receivedPerMonth = new HashMap<>();
    private final Map<Channel, Money> channelFeeIncome = new EnumMap<>(Channel.class);

    public Merchants(Object monitor) {
        this.monitor = monitor;
    }

    public ChannelMerchant register(ChannelMerchant merchant) {
        synchronized (monitor) {
            if (byKey.putIfAbsent(merchant.key(), merchant) != null) {
                throw new IllegalArgumentException("merchant " + merchant.key() + " already exists");
            }
            received.put(merchant.key(), Money.ZERO);
            return merchant;
        }
    }

    public Optional<ChannelMerchant> find(MerchantKey key) {
        synchronized (monitor) {
            return Optional.ofNullable(byKey.get(key));
        }
    }

    public ChannelMerchant update(MerchantKey key, UnaryOperator<ChannelMerchant> change) {
        synchronized (monitor) {
            ChannelMerchant current = find(key).orElseThrow(() -> new IllegalArgumentException("no merchant " + key));
            ChannelMerchant next = change.apply(current);
            if (!next.key().equals(key)) {
                throw new IllegalArgumentException("an update cannot change the key");
            }
            byKey.put(key, next);
            return next;
        }
    }

    public Money received(MerchantKey key) {
        synchronized (monitor) {
            return received.getOrDefault(key, Money.ZERO);
        }
    }

    public Money receivedOn(MerchantKey key, LocalDate day) {
        synchronized (monitor) {
            return receivedPerDay.getOrDefault(key, Map.of()).getOrDefault(day, Money.ZERO);
        }
    }

    public Money receivedIn(MerchantKey key, YearMonth month) {
        synchronized (monitor) {
            return receivedPerMonth.getOrDefault(key, Map.of()).getOrDefault(month, Money.ZERO);
        }
    }

    /** A payment's gross amount counts toward the limits; {@code net} is what the merchant keeps. */
    public void recordReceipt(MerchantKey key, LocalDate day, Money gross, Money net) {
        synchronized (monitor) {
            receivedPerDay.computeIfAbsent(key, k -> new HashMap<>()).merge(day, gross, Money::plus);
            receivedPerMonth.computeIfAbsent(key, k -> new HashMap<>()).merge(YearMonth.from(day), gross, Money::plus);
            received.merge(key, net, Money::plus);
        }
    }

    /** A refund or reversal takes money back from the merchant. */
    public void pay(MerchantKey key, Money amount) {
        synchronized (monitor) {
            received.merge(key, amount.negate(), Money::plus);
        }
    }

    public void addChannelFeeIncome(Channel channel, Money amount) {
        synchronized (monitor) {
            channelFeeIncome.merge(channel, amount, Money::plus);
        }
    }

    public Money channelFeeIncome(Channel channel) {
        synchronized (monitor) {
            return channelFeeIncome.getOrDefault(channel, Money.ZERO);
        }
    }

    /** Every merchant's net receipts plus every channel's fee income. */
    public Money fundsTotal() {
        synchronized (monitor) {
            Money total = Money.ZERO;
            for (Money amount : received.values()) {
                total = total.plus(amount);
            }
            for (Money amount : channelFeeIncome.values()) {
                total = total.plus(amount);
            }
            return total;
        }
    }
}
