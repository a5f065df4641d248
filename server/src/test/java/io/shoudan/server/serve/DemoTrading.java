package io.shoudan.server.serve;

import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.MerchantStatus;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.ProductStatus;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.CardStatus;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.consumer.Pin;
import io.shoudan.server.terminal8583.simulator.TerminalSimulator;
import io.shoudan.server.terminal8583.simulator.TestCard;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.TerminalStatus;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tests of {@code serve} trade with: a demo terminal that can take cards and codes, a shopper, a card. */
public final class DemoTrading {

    public static final String PAN = "6222020000000000201";
    public static final String CARD_PIN = "123456";
    public static final TestCard CARD = TestCard.of(PAN, "2912", CARD_PIN);
    public static final ConsumerId SHOPPER = new ConsumerId("T-0001");

    private DemoTrading() {
    }

    /** A consumer of the sandbox with a known card and PIN and an Alipay balance (the sandbox forgets them on restart). */
    public static void registerShopper(Server server) {
        server.sandbox().consumers().register(ConsumerSetup.of(SHOPPER.value()).alipayBalance(Money.ofYuan(5_000))
                .card("card-1", CardKind.DEBIT, PAN, Pin.of(CARD_PIN), Money.ofYuan(5_000), CardStatus.ACTIVE));
    }

    /** A demo terminal that may take both cards and Alipay codes: active, where it was registered, at a merchant that trades. */
    public static Server.DemoTerminal tradingTerminal(Server server) {
        for (Server.DemoTerminal t : server.demoTerminals()) {
            Merchant merchant = server.app().merchants().find(t.terminal().merchantId(), OffsetDateTime.now()).orElseThrow();
            if (t.terminal().status() == TerminalStatus.ACTIVE && t.terminal().capabilities().contains(Capability.SCANNER)
                    && t.terminal().capabilities().contains(Capability.CHIP) && t.terminal().protocolVersion() == 2
                    && t.terminal().enabledMethods().containsAll(List.of(PaymentMethod.ALIPAY, PaymentMethod.UNIONPAY_DEBIT))
                    && t.terminal().observedRegion().equals(t.terminal().registeredRegion())
                    && merchant.status() == MerchantStatus.ACTIVE && merchant.product(Product.ALIPAY) == ProductStatus.ACTIVE
                    && merchant.product(Product.UNIONPAY_CARD) == ProductStatus.ACTIVE) {
                return t;
            }
        }
        throw new AssertionError("no demo terminal takes both cards and Alipay codes");
    }

    /** A simulator of the terminal, loaded with its TMK from the key-injection file of the seeding node, connected to {@code server}. */
    public static TerminalSimulator simulator(Server seeding, Server server, Server.DemoTerminal terminal) {
        KeyInjectionFile.Entry injected = KeyInjectionFile.find(seeding.demoKeyFile().orElseThrow(), terminal.pos().terminalId()).orElseThrow();
        assertThat(injected.tmk().checkValue()).isEqualTo(terminal.tmkCheckValue());
        return new TerminalSimulator(injected.profile(), new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port8583()),
                Duration.ofSeconds(10)).connect();
    }

    /** A simulator of the terminal connected to the node that seeded the demo world. */
    public static TerminalSimulator simulator(Server server, Server.DemoTerminal terminal) {
        return simulator(server, server, terminal);
    }
}
