package io.shoudan.payment;

import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.payment.testing.TwoNodeSettlement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TwoNodeSettlement} over the in-memory store: two nodes selling, recovering and reversing at once end each
 * payment once, with the channel's money, the payments and the ledger agreeing.
 */
class ConcurrentSettlementTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void salesRecoveriesAndReversalsOnTwoNodesEndEachPaymentOnceWithTheMoneyRight(long seed) throws Exception {
        PaymentWorld world = new PaymentWorld();

        TwoNodeSettlement.run(seed, 4, 60, world.alipay, world.store, world::serviceOnNode);
    }
}
