package io.shoudan.payment;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids from a counter with a node prefix: {@code P-<node>-000000000001}, {@code R-<node>-…}. Unique
 * across nodes as long as each node has its own prefix and starts above what it issued before (the
 * store module seeds {@code start} from its highest id).
 */
public final class SequentialIds implements IdSource {

    private final String node;
    private final AtomicLong next;

    public SequentialIds(String node, long start) {
        if (node == null || !node.matches("[A-Za-z0-9]{1,16}")) {
            throw new IllegalArgumentException("a node prefix is 1-16 letters or digits, got " + node);
        }
        this.node = node;
        this.next = new AtomicLong(start);
    }

    @Override
    public PaymentId newPaymentId() {
        return new PaymentId(String.format("P-%s-%012d", node, next.getAndIncrement()));
    }

    @Override
    public RefundId newRefundId() {
        return new RefundId(String.format("R-%s-%012d", node, next.getAndIncrement()));
    }
}
