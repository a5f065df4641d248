package io.shoudan.channels;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shoudan.channels.health.BreakerSettings;
import io.shoudan.channels.health.ChannelConnection;
import io.shoudan.channels.health.ChannelHealth;
import io.shoudan.fee.Installments;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.ChannelTradeNo;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.PayCommand;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.RefundCommand;
import io.shoudan.payment.RefundId;
import io.shoudan.payment.RefundKind;
import io.shoudan.payment.TradeRef;
import io.shoudan.terminal.TerminalSn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** Shared test wiring: a meter registry, a health registry on a fixed clock, commands. */
public final class Fixtures {

    public static final MerchantId MERCHANT = new MerchantId("M100001");
    public static final TerminalSn TERMINAL = new TerminalSn("LKL-A8-000123");
    public static final PaymentId PAYMENT = new PaymentId("P-T-000000000042");
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final UnmappedCodes unmapped = new UnmappedCodes(meters);
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
    public final ChannelHealth health;

    public Fixtures() {
        this(BreakerSettings.defaults());
    }

    public Fixtures(BreakerSettings settings) {
        health = new ChannelHealth(settings, channel -> Optional.of(new ChannelConnection(true, null)), clock);
    }

    public ChannelCalls calls(Channel channel) {
        return new ChannelCalls(channel, health, unmapped, TIMEOUT);
    }

    public static PayCommand pay(PaymentMethod method, String amount, Instrument instrument) {
        return new PayCommand(PAYMENT, MERCHANT, TERMINAL, method, Money.parse(amount), Installments.NONE, instrument, true);
    }

    public static TradeRef trade(PaymentMethod method, String amount, String channelTradeNo) {
        return new TradeRef(PAYMENT, MERCHANT, method, Money.parse(amount), channelTradeNo == null ? null : new ChannelTradeNo(channelTradeNo));
    }

    public static RefundCommand refund(RefundKind kind, TradeRef trade, String amount) {
        return new RefundCommand(new RefundId("R-T-000000000043"), kind, trade, Money.parse(amount));
    }

    /** A clock the test moves. */
    public static final class MutableClock extends Clock {
        private Instant now;

        public MutableClock(Instant start) {
            now = start;
        }

        public synchronized void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }
    }
}
