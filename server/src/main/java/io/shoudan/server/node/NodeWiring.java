package io.shoudan.server.node;

import io.shoudan.payment.PaymentService;

/**
 * The composition root of a node's payments: the only place outside core's own tests that constructs
 * {@link PaymentService}. {@code serve} ({@code Server}), the demo ({@code DemoRun}) and the benchmarks
 * ({@code DurableSaleRig}, {@code TerminalFleetLoad}) all come through here, so a change of how the service is
 * assembled is made once.
 */
public final class NodeWiring {

    private NodeWiring() {
    }

    public static PaymentService paymentService(PaymentParts parts) {
        return new PaymentService(parts.store(), parts.gateways(), parts.plans(), parts.gate(), parts.snapshots(),
                parts.rateCards(), parts.ids(), parts.clock(), parts.sleeper(), parts.node().name());
    }
}
