package io.shoudan.server.terminal8583;

import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.key.KeyGenerator;
import io.shoudan.iso8583.key.KeyScheme;
import io.shoudan.iso8583.mac.MacAlgorithm;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.server.terminal8583.memory.InMemoryBatchJournal;
import io.shoudan.server.terminal8583.memory.InMemoryCardVault;
import io.shoudan.server.terminal8583.memory.InMemoryTerminalDirectory;
import io.shoudan.server.terminal8583.memory.InMemoryTerminalKeys;
import io.shoudan.server.terminal8583.simulator.TerminalProfile;
import io.shoudan.server.terminal8583.simulator.TerminalSimulator;
import io.shoudan.terminal.TerminalId;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The endpoint on loopback over a real payment service (core's in-memory store, simulated channels, manual
 * clock), with terminal 12345678 / merchant 123456789012345 bound to {@link PaymentWorld#TERMINAL} and its TMK
 * (the CHANNELS.md vector) loaded.
 */
final class EndpointWorld implements AutoCloseable {
    static final TerminalId TID = new TerminalId("12345678");
    static final AcceptorId MID = new AcceptorId("123456789012345");
    static final DesKey TMK = DesKey.ofHex("CA5D92598DCA48CE8A4C76361A9269E9");

    final PaymentWorld world = new PaymentWorld();
    final PaymentService payments = world.service();
    final InMemoryTerminalDirectory directory = new InMemoryTerminalDirectory()
            .bind(TID, MID, new TerminalBinding(PaymentWorld.TERMINAL, PaymentWorld.MERCHANT));
    final InMemoryTerminalKeys keys = new InMemoryTerminalKeys()
            .load(PaymentWorld.TERMINAL, new TerminalKeys.MasterKey(TMK, KeyScheme.TDES, MacAlgorithm.UNIONPAY_ECB));
    final InMemoryBatchJournal journal = new InMemoryBatchJournal(payments::query);
    final InMemoryCardVault vault = new InMemoryCardVault(new SecureRandom());
    final EndpointMetrics metrics = new EndpointMetrics();
    final TerminalHost host;
    final Terminal8583Server server;
    private final List<TerminalSimulator> terminals = new ArrayList<>();

    EndpointWorld() {
        this(EndpointLimits.DEFAULTS);
    }

    EndpointWorld(EndpointLimits limits) {
        host = new TerminalHost(payments, directory, keys, journal, vault, CardKinds.ALL_DEBIT, new KeyGenerator(new SecureRandom()),
                world.time, limits.keyLifetime(), metrics);
        server = new Terminal8583Server(host, limits).start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
    }

    TerminalSimulator terminal() {
        return terminal(TerminalProfile.tdes(TID, MID, TMK));
    }

    TerminalSimulator terminal(TerminalProfile profile) {
        TerminalSimulator t = new TerminalSimulator(profile, address(), Duration.ofSeconds(5)).connect();
        terminals.add(t);
        return t;
    }

    @Override
    public void close() {
        terminals.forEach(TerminalSimulator::close);
        server.stop();
    }
}
