package io.shoudan.server.node;

import io.shoudan.method.Channel;
import io.shoudan.payment.ChannelGateway;
import io.shoudan.payment.EligibilityGate;
import io.shoudan.payment.IdSource;
import io.shoudan.payment.PaymentStore;
import io.shoudan.fee.RateCards;
import io.shoudan.payment.RecoveryPlan;
import io.shoudan.payment.Sleeper;
import io.shoudan.payment.SnapshotSource;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a node's payment service is made of. {@code serve}, the demo, the benchmarks and the load generator each
 * gather these parts their own way (durable or in-memory store, real or instant channels, real or virtual time) and
 * hand them to {@link NodeWiring#paymentService}, the one place the service is built.
 *
 * @param plans the unknown-outcome plans per channel ({@code PaymentService.defaultPlans()} in production)
 * @param node  the node's identity: its name in the store's claims on payments
 */
public record PaymentParts(PaymentStore store, List<ChannelGateway> gateways, Map<Channel, RecoveryPlan> plans,
                           EligibilityGate gate, SnapshotSource snapshots, RateCards rateCards, IdSource ids, Clock clock,
                           Sleeper sleeper, NodeIdentity node) {
    public PaymentParts {
        Objects.requireNonNull(store, "store");
        gateways = List.copyOf(gateways);
        plans = Map.copyOf(plans);
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(rateCards, "rateCards");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(node, "node");
    }
}
