package io.shoudan.payment;

import io.shoudan.method.Channel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The channel gateways this node is connected to, and each channel's recovery plan (the defaults unless overridden). */
final class Gateways {

    private final Map<Channel, ChannelGateway> gateways = new EnumMap<>(Channel.class);
    private final Map<Channel, RecoveryPlan> plans;

    Gateways(List<ChannelGateway> gateways, Map<Channel, RecoveryPlan> plans) {
        for (ChannelGateway gateway : gateways) {
            this.gateways.put(gateway.channel(), gateway);
        }
        this.plans = new EnumMap<>(PaymentService.defaultPlans());
        this.plans.putAll(plans);
    }

    /** The gateway of the payment's channel; null when none is connected. */
    ChannelGateway of(Payment payment) {
        return of(payment.request().method().channel());
    }

    /** The channel's gateway; null when none is connected. */
    ChannelGateway of(Channel channel) {
        return gateways.get(channel);
    }

    RecoveryPlan plan(ChannelGateway gateway) {
        return plans.get(gateway.channel());
    }
}
